package org.rekey.application.service.credential;

import org.rekey.application.port.out.LoadRecordsPort;
import org.rekey.domain.error.ErrorCode;
import org.rekey.domain.error.RekeyException;
import org.rekey.domain.record.EncryptedRecord;
import org.rekey.domain.record.RecordId;

/** Loads a record that must exist. */
final class RecordLookup {

    private RecordLookup() {
    }

    static EncryptedRecord require(LoadRecordsPort loadRecords, RecordId id) {
        return loadRecords.loadRecord(id).orElseThrow(() ->
                new RekeyException(ErrorCode.RECORD_NOT_FOUND, "no credential with id " + id));
    }
}
