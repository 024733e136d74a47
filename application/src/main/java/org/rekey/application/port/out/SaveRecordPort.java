package org.rekey.application.port.out;

import org.rekey.domain.record.EncryptedRecord;
import org.rekey.domain.record.RecordId;

/** Writes encrypted records, with optimistic locking. */
public interface SaveRecordPort {

    /**
     * Stores a new record at version 0.
     *
     * @throws org.rekey.domain.error.RekeyException {@code DUPLICATE_ID} if the id is taken
     */
    void insertRecord(EncryptedRecord record);

    /**
     * Writes {@code record} only if the stored version still equals {@code record.version()}, and
     * returns it at the incremented version.
     *
     * @throws org.rekey.domain.error.RekeyException {@code VERSION_CONFLICT} if someone else wrote it
     *     first, {@code RECORD_NOT_FOUND} if it is gone
     */
    EncryptedRecord updateRecord(EncryptedRecord record);

    /** @throws org.rekey.domain.error.RekeyException {@code RECORD_NOT_FOUND} */
    void deleteRecord(RecordId id);
}
