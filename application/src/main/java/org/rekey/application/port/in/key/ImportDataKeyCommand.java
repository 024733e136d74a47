package org.rekey.application.port.in.key;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.rekey.domain.error.RekeyException;
import org.rekey.domain.key.DataKeyId;
import org.rekey.domain.key.KeyAlgorithm;
import org.rekey.domain.key.KeyStatus;

/**
 * An n8n {@code deployment_key} row to import: id, wrapped value, algorithm, status, and the row's own
 * {@code createdAt}/{@code updatedAt} when known (else the import time; {@code updatedAt} defaults to
 * {@code createdAt}).
 */
public record ImportDataKeyCommand(DataKeyId id, String wrappedValue, KeyAlgorithm algorithm, KeyStatus status,
        Optional<Instant> createdAt, Optional<Instant> updatedAt) {

    public ImportDataKeyCommand {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (wrappedValue == null || wrappedValue.isBlank()) {
            throw RekeyException.invalid("the wrapped value (--value) must not be empty");
        }
        if (status == KeyStatus.DESTROYED) {
            throw RekeyException.invalid("status must be active or inactive");
        }
        if (updatedAt.isPresent() && createdAt.isEmpty()) {
            throw RekeyException.invalid("an updatedAt needs its createdAt (--created-at)");
        }
        if (updatedAt.isPresent() && updatedAt.get().isBefore(createdAt.get())) {
            throw RekeyException.invalid("updatedAt of key " + id + " is before its createdAt");
        }
    }

    /** A row without dates: it is stamped with the import time. */
    public ImportDataKeyCommand(DataKeyId id, String wrappedValue, KeyAlgorithm algorithm, KeyStatus status) {
        this(id, wrappedValue, algorithm, status, Optional.empty(), Optional.empty());
    }

    @Override
    public String toString() {
        return "ImportDataKeyCommand[id=" + id + ", algorithm=" + algorithm + ", status=" + status + "]";
    }
}
