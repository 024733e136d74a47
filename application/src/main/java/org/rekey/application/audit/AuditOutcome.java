package org.rekey.application.audit;

import org.rekey.domain.error.RekeyException;

/** How the recorded operation ended. */
public enum AuditOutcome implements WireName {
    SUCCEEDED("succeeded"), FAILED("failed"), REFUSED("refused");

    private final String wireName;

    AuditOutcome(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    /** @throws RekeyException {@code INVALID_INPUT} naming the names there are */
    public static AuditOutcome fromWire(String name) {
        return WireName.parse(AuditOutcome.class, name, "audit outcome");
    }
}
