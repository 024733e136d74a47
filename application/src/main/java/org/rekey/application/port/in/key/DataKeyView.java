package org.rekey.application.port.in.key;

import java.time.Instant;
import java.util.Optional;
import org.rekey.domain.key.DataKey;
import org.rekey.domain.key.KeyStatus;

/**
 * A data key's metadata as callers see it: never its material, wrapped or not.
 *
 * @param archivedAt when an inactive key stopped being active, or was destroyed; empty while active
 */
public record DataKeyView(String id, String type, String algorithm, String status, Instant createdAt,
        Instant updatedAt, Optional<Instant> archivedAt, long recordCount) {

    public static DataKeyView of(DataKey key, long recordCount) {
        return new DataKeyView(key.id().value(), key.type().wireName(), key.algorithm().wireName(),
                key.status().wireName(), key.createdAt(), key.updatedAt(),
                key.status() == KeyStatus.ACTIVE ? Optional.empty() : Optional.of(key.updatedAt()), recordCount);
    }
}
