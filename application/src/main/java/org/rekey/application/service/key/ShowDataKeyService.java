package org.rekey.application.service.key;

import org.rekey.application.port.in.key.DataKeyView;
import org.rekey.application.port.in.key.ShowDataKeyUseCase;
import org.rekey.application.port.out.LoadDataKeysPort;
import org.rekey.application.port.out.LoadRecordsPort;
import org.rekey.domain.error.ErrorCode;
import org.rekey.domain.error.RekeyException;
import org.rekey.domain.key.DataKeyId;

/** One key, read from the database, with the number of records that use it. */
public final class ShowDataKeyService implements ShowDataKeyUseCase {

    private final LoadDataKeysPort loadDataKeys;
    private final LoadRecordsPort loadRecords;

    public ShowDataKeyService(LoadDataKeysPort loadDataKeys, LoadRecordsPort loadRecords) {
        this.loadDataKeys = loadDataKeys;
        this.loadRecords = loadRecords;
    }

    @Override
    public DataKeyView showDataKey(DataKeyId id) {
        return loadDataKeys.loadDataKeys().stream()
                .filter(k -> k.id().equals(id))
                .findFirst()
                .map(k -> DataKeyView.of(k, loadRecords.countRecordsUsing(id)))
                .orElseThrow(() -> new RekeyException(ErrorCode.KEY_NOT_FOUND, "no data key with id " + id));
    }
}
