package org.rekey.application.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * One row of the audit trail: when, who, what, on what, how it ended, and a short detail (counts, an error
 * code). Never a secret: targets are key ids, job ids, API key ids and file names.
 */
public record AuditEntry(Instant at, Actor actor, AuditAction action, String target, AuditOutcome outcome,
        String detail) {

    public static final int MAX_TARGET_LENGTH = 255;
    public static final int MAX_DETAIL_LENGTH = 1000;

    public AuditEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
        target = clip(Objects.requireNonNull(target, "target"), MAX_TARGET_LENGTH);
        detail = clip(Objects.requireNonNull(detail, "detail"), MAX_DETAIL_LENGTH);
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
