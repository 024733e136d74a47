package org.rekey.adapter.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A row of {@code job}; {@code version} is JPA's optimistic lock. */
@Entity
@Table(name = "job")
class JobEntity {

    @Id
    @Column(name = "id", length = 36)
    String id;

    @Column(name = "kind", nullable = false, length = 32)
    String kind;

    @Column(name = "state", nullable = false, length = 16)
    String state;

    /** 1 while running, null once ended: the table lets one row hold 1. */
    @Column(name = "running")
    Short running;

    @Column(name = "instance", nullable = false)
    String instance;

    @Column(name = "actor_kind", nullable = false, length = 16)
    String actorKind;

    @Column(name = "actor_id", nullable = false)
    String actorId;

    @Column(name = "actor_label", nullable = false)
    String actorLabel;

    @Column(name = "started_at", nullable = false)
    Instant startedAt;

    @Column(name = "heartbeat_at", nullable = false)
    Instant heartbeatAt;

    @Column(name = "finished_at")
    Instant finishedAt;

    @Column(name = "done", nullable = false)
    long done;

    @Column(name = "total", nullable = false)
    long total;

    @Column(name = "failed", nullable = false)
    long failed;

    @Column(name = "last_error", length = 1000)
    String lastError;

    @Version
    @Column(name = "version", nullable = false)
    long version;

    protected JobEntity() {
    }

    @Override
    public String toString() {
        return "JobEntity[id=" + id + ", kind=" + kind + ", state=" + state + "]";
    }
}
