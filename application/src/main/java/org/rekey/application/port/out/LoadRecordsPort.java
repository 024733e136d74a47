package org.rekey.application.port.out;

import java.util.List;
import java.util.Optional;
import org.rekey.domain.record.EncryptedRecord;
import org.rekey.domain.record.RecordId;

/** Reads encrypted records. */
public interface LoadRecordsPort {

    Optional<EncryptedRecord> loadRecord(RecordId id);

    /** A page ordered by createdAt then id; {@code take} null means all. */
    List<EncryptedRecord> listRecords(int skip, Integer take);

    long countRecords();

    /** Up to {@code limit} records with ids greater than {@code after}, ordered by id (keyset paging). */
    List<EncryptedRecord> loadRecordsAfter(Optional<RecordId> after, int limit);
}
