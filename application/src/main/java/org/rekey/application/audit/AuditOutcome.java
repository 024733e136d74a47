package org.rekey.application.audit;

import org.rekey.domain.error.RekeyException;

/** How the recorded operation ended. */
public enum AuditOutcome {
    SUCCEEDED("succeeded"), FAILED("failed"), REFUSED("refused");

    private final String wireName;

    AuditOutcome(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static AuditOutcome fromWire(String name) {
        for (AuditOutcome outcome : values()) {
            if (outcome.wireName.equals(name)) {
                return outcome;
            }
        }
        throw RekeyException.invalid("unknown audit outcome '" + name + "'");
    }
}
