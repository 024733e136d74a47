package org.rekey.application.port.out;

import java.util.List;
import java.util.Optional;
import org.rekey.domain.key.DataKeyId;
import org.rekey.domain.record.EncryptedRecord;

/**
 * Claims records for batch re-encryption. Must be called inside a transaction; the claimed rows stay
 * locked until it ends, and rows another transaction holds are skipped, not waited for
 * (PostgreSQL {@code FOR UPDATE SKIP LOCKED}).
 */
public interface ClaimRecordsPort {

    /**
     * Up to {@code limit} records whose value does not name {@code target}; with an empty target,
     * records whose value names any key (that is, every non-legacy record). Ordered by id.
     */
    List<EncryptedRecord> claimRecordsNotOn(Optional<DataKeyId> target, int limit);
}
