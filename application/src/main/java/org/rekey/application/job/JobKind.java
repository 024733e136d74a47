package org.rekey.application.job;

import org.rekey.application.audit.AuditAction;
import org.rekey.domain.error.RekeyException;

/** The long operations that run as jobs, one at a time across the fleet. */
public enum JobKind {
    REENCRYPT("reencrypt", AuditAction.REENCRYPT_START, AuditAction.REENCRYPT_FINISH),
    DOWNGRADE("downgrade", AuditAction.DOWNGRADE_START, AuditAction.DOWNGRADE_FINISH),
    INSTANCE_KEY_CHANGE("instance-key-change", AuditAction.INSTANCE_KEY_CHANGE_START,
            AuditAction.INSTANCE_KEY_CHANGE_FINISH);

    private final String wireName;
    private final AuditAction started;
    private final AuditAction finished;

    JobKind(String wireName, AuditAction started, AuditAction finished) {
        this.wireName = wireName;
        this.started = started;
        this.finished = finished;
    }

    public String wireName() {
        return wireName;
    }

    public AuditAction started() {
        return started;
    }

    public AuditAction finished() {
        return finished;
    }

    public static JobKind fromWire(String name) {
        for (JobKind kind : values()) {
            if (kind.wireName.equals(name)) {
                return kind;
            }
        }
        throw RekeyException.invalid("unknown job kind '" + name + "'");
    }
}
