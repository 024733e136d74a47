package org.rekey.application.job;

import org.rekey.application.audit.AuditAction;
import org.rekey.application.audit.WireName;
import org.rekey.domain.error.RekeyException;

/** The long operations that run as jobs, one at a time across the fleet. */
public enum JobKind implements WireName {
    REENCRYPT("reencrypt", AuditAction.REENCRYPT_START, AuditAction.REENCRYPT_FINISH, true),
    DOWNGRADE("downgrade", AuditAction.DOWNGRADE_START, AuditAction.DOWNGRADE_FINISH, true),
    INSTANCE_KEY_CHANGE("instance-key-change", AuditAction.INSTANCE_KEY_CHANGE_START,
            AuditAction.INSTANCE_KEY_CHANGE_FINISH, false);

    private final String wireName;
    private final AuditAction started;
    private final AuditAction finished;
    private final boolean joinable;

    JobKind(String wireName, AuditAction started, AuditAction finished, boolean joinable) {
        this.wireName = wireName;
        this.started = started;
        this.finished = finished;
        this.joinable = joinable;
    }

    /**
     * Whether another instance may work on a running job of this kind beside the one that runs it: batch jobs
     * whose rows are claimed with {@code SKIP LOCKED} and rewritten compare-and-set, so no record is done twice.
     */
    public boolean joinable() {
        return joinable;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    public AuditAction started() {
        return started;
    }

    public AuditAction finished() {
        return finished;
    }

    /** @throws RekeyException {@code INVALID_INPUT} naming the names there are */
    public static JobKind fromWire(String name) {
        return WireName.parse(JobKind.class, name, "job kind");
    }
}
