package org.rekey.adapter.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of {@code deployment_key} (n8n's table). */
@Entity
@Table(name = "deployment_key")
class DataKeyEntity {

    @Id
    @Column(name = "id", length = 36)
    String id;

    @Column(name = "type", nullable = false)
    String type;

    /** The key material wrapped by the instance key; empty for a destroyed key. Quoted: a keyword in H2. */
    @Column(name = "`value`", nullable = false)
    String value;

    @Column(name = "algorithm", nullable = false)
    String algorithm;

    @Column(name = "status", nullable = false)
    String status;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    protected DataKeyEntity() {
    }

    @Override
    public String toString() {
        return "DataKeyEntity[id=" + id + ", status=" + status + "]";
    }
}
