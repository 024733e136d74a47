package org.rekey.application.port.in.audit;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.rekey.application.audit.AuditAction;
import org.rekey.application.port.in.PageRequest;

/** Which audit entries to read: at or after {@code since}, of one {@code action}, one page of them. */
public record AuditQuery(Optional<Instant> since, Optional<AuditAction> action, PageRequest page) {

    public AuditQuery {
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(page, "page");
    }
}
