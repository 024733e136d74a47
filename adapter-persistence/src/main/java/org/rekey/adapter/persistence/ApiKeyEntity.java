package org.rekey.adapter.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of {@code api_key}: a token's id, label, scopes and the hash of its secret. */
@Entity
@Table(name = "api_key")
class ApiKeyEntity {

    @Id
    @Column(name = "id", length = 36)
    String id;

    @Column(name = "label", nullable = false, length = 100)
    String label;

    /** Scope wire names, comma-separated. */
    @Column(name = "scopes", nullable = false)
    String scopes;

    @Column(name = "secret_hash", nullable = false, length = 128)
    String secretHash;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "revoked_at")
    Instant revokedAt;

    protected ApiKeyEntity() {
    }

    @Override
    public String toString() {
        return "ApiKeyEntity[id=" + id + "]";
    }
}
