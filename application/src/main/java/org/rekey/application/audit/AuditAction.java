package org.rekey.application.audit;

import org.rekey.domain.error.RekeyException;

/** What an audit entry records, with the name the trail shows and filters by. */
public enum AuditAction implements WireName {
    KEY_ROTATE("key.rotate"),
    KEY_IMPORT("key.import"),
    KEY_DESTROY("key.destroy"),
    REENCRYPT_START("reencrypt.start"),
    REENCRYPT_FINISH("reencrypt.finish"),
    DOWNGRADE_START("downgrade.start"),
    DOWNGRADE_FINISH("downgrade.finish"),
    INSTANCE_KEY_CHANGE_START("instance-key-change.start"),
    INSTANCE_KEY_CHANGE_FINISH("instance-key-change.finish"),
    BACKUP_RESTORE("backup.restore"),
    API_KEY_CREATE("api-key.create"),
    API_KEY_REVOKE("api-key.revoke"),
    AUTH_REFUSED("auth.refused");

    private final String wireName;

    AuditAction(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    /** @throws RekeyException {@code INVALID_INPUT} naming the names there are */
    public static AuditAction fromWire(String name) {
        return WireName.parse(AuditAction.class, name, "audit action");
    }
}
