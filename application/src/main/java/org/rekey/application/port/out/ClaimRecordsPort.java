package org.rekey.application.port.out;

import java.util.List;
import java.util.Optional;
import org.rekey.domain.key.DataKeyId;
import org.rekey.domain.record.EncryptedRecord;
import org.rekey.domain.record.RecordId;

/**
 * Claims records for batch re-encryption. Must be called inside a transaction; the claimed rows stay
 * locked until it ends, and rows another transaction holds are skipped, not waited for
 * (PostgreSQL {@code FOR UPDATE SKIP LOCKED}).
 */
public interface ClaimRecordsPort {

    /**
     * Up to {@code limit} records with ids greater than {@code after} (keyset paging, so records that
     * fail are passed over rather than claimed again), ordered by id, whose value does not name
     * {@code target}. With an empty target: records whose value names any key (every non-legacy record).
     */
    List<EncryptedRecord> claimRecordsNotOn(Optional<DataKeyId> target, Optional<RecordId> after, int limit);
}
