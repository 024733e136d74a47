package org.rekey.adapter.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of {@code audit_entry}; rows are only ever inserted. */
@Entity
@Table(name = "audit_entry")
class AuditEntryEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    Long id;

    @Column(name = "at", nullable = false)
    Instant at;

    @Column(name = "actor_kind", nullable = false, length = 16)
    String actorKind;

    @Column(name = "actor_id", nullable = false)
    String actorId;

    @Column(name = "actor_label", nullable = false)
    String actorLabel;

    @Column(name = "action", nullable = false, length = 64)
    String action;

    @Column(name = "target", nullable = false)
    String target;

    @Column(name = "outcome", nullable = false, length = 16)
    String outcome;

    @Column(name = "detail", nullable = false, length = 1000)
    String detail;

    protected AuditEntryEntity() {
    }

    @Override
    public String toString() {
        return "AuditEntryEntity[id=" + id + ", action=" + action + "]";
    }
}
