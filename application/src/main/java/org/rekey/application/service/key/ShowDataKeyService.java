package org.rekey.application.service.key;

import org.rekey.application.port.in.key.DataKeyView;
import org.rekey.application.port.in.key.ShowDataKeyUseCase;
import org.rekey.application.port.out.LoadDataKeysPort;
import org.rekey.application.port.out.LoadSecretsPort;
import org.rekey.domain.error.ErrorCode;
import org.rekey.domain.error.RekeyException;
import org.rekey.domain.key.DataKeyId;

/** One key, read from the database, with the number of records that use it. */
public final class ShowDataKeyService implements ShowDataKeyUseCase {

    private final LoadDataKeysPort loadDataKeys;
    private final LoadSecretsPort loadSecrets;

    public ShowDataKeyService(LoadDataKeysPort loadDataKeys, LoadSecretsPort loadSecrets) {
        this.loadDataKeys = loadDataKeys;
        this.loadSecrets = loadSecrets;
    }

    @Override
    public DataKeyView showDataKey(DataKeyId id) {
        return loadDataKeys.loadDataKeys().stream()
                .filter(k -> k.id().equals(id))
                .findFirst()
                .map(k -> DataKeyView.of(k, loadSecrets.countSecretsUsing(id)))
                .orElseThrow(() -> new RekeyException(ErrorCode.KEY_NOT_FOUND, "no data key with id " + id));
    }
}
