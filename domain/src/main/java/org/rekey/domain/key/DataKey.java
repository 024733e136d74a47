package org.rekey.domain.key;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.rekey.domain.error.RekeyException;

/**
 * A data key as stored: metadata plus its material wrapped by the instance key (never the material
 * itself). Immutable; status changes return a new instance. {@link #toString()} shows id and status only.
 */
public final class DataKey {

    private final DataKeyId id;
    private final KeyType type;
    private final KeyAlgorithm algorithm;
    private final KeyStatus status;
    private final String wrappedValue;
    private final Instant createdAt;
    private final Instant updatedAt;

    private DataKey(DataKeyId id, KeyType type, KeyAlgorithm algorithm, KeyStatus status, String wrappedValue,
            Instant createdAt, Instant updatedAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.type = Objects.requireNonNull(type, "type");
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        this.status = Objects.requireNonNull(status, "status");
        this.wrappedValue = Objects.requireNonNull(wrappedValue, "wrappedValue");
        this.createdAt = createdAt.truncatedTo(ChronoUnit.MILLIS);
        this.updatedAt = updatedAt.truncatedTo(ChronoUnit.MILLIS);
        if (status != KeyStatus.DESTROYED && wrappedValue.isEmpty()) {
            throw RekeyException.invalid("key " + id + " has no wrapped value");
        }
    }

    /** Rebuilds a key read from storage or imported from n8n. Does not unwrap it: the {@link Keyring} does. */
    public static DataKey reconstitute(DataKeyId id, KeyType type, KeyAlgorithm algorithm, KeyStatus status,
            String wrappedValue, Instant createdAt, Instant updatedAt) {
        return new DataKey(id, type, algorithm, status, wrappedValue, createdAt, updatedAt);
    }

    static DataKey create(DataKeyId id, KeyAlgorithm algorithm, KeyStatus status, String wrappedValue, Instant now) {
        return new DataKey(id, KeyType.DATA_ENCRYPTION, algorithm, status, wrappedValue, now, now);
    }

    DataKey withStatus(KeyStatus newStatus, Instant now) {
        return new DataKey(id, type, algorithm, newStatus, wrappedValue, createdAt, now);
    }

    DataKey withWrappedValue(String newWrappedValue, Instant now) {
        return new DataKey(id, type, algorithm, status, newWrappedValue, createdAt, now);
    }

    /** A tombstone: same id and metadata, material wiped, status {@code destroyed}, updatedAt = when. */
    DataKey destroyed(Instant now) {
        return new DataKey(id, type, algorithm, KeyStatus.DESTROYED, "", createdAt, now);
    }

    public DataKeyId id() {
        return id;
    }

    public KeyType type() {
        return type;
    }

    public KeyAlgorithm algorithm() {
        return algorithm;
    }

    public KeyStatus status() {
        return status;
    }

    public boolean isActive() {
        return status == KeyStatus.ACTIVE;
    }

    /** The material wrapped by the instance key, as stored in the {@code value} column; empty once destroyed. */
    public String wrappedValue() {
        return wrappedValue;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DataKey other && id.equals(other.id) && type == other.type
                && algorithm == other.algorithm && status == other.status
                && wrappedValue.equals(other.wrappedValue) && createdAt.equals(other.createdAt)
                && updatedAt.equals(other.updatedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, status, updatedAt);
    }

    @Override
    public String toString() {
        return "DataKey[id=" + id + ", status=" + status.wireName() + "]";
    }
}
