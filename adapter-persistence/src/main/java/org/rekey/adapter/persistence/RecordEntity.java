package org.rekey.adapter.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A row of {@code credentials_entity}: an encrypted record. */
@Entity
@Table(name = "credentials_entity")
class RecordEntity {

    @Id
    @Column(name = "id", length = 36)
    String id;

    @Column(name = "name", nullable = false, length = 128)
    String name;

    @Column(name = "type", nullable = false, length = 128)
    String type;

    @Column(name = "data", nullable = false)
    String data;

    /** The data key {@link #data} names, derived from it on every write; null for a legacy value. */
    @Column(name = "key_id", length = 36)
    String keyId;

    /**
     * The optimistic-lock version: JPA checks and increments it on every update of a managed row
     * ({@code ... WHERE id = ? AND version = ?}); the batch rewrite bumps it in its own statement.
     */
    @Version
    @Column(name = "version", nullable = false)
    long version;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    protected RecordEntity() {
    }

    @Override
    public String toString() {
        return "RecordEntity[id=" + id + ", version=" + version + "]";
    }
}
