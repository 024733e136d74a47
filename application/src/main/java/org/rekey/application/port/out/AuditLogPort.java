package org.rekey.application.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.rekey.application.audit.AuditAction;
import org.rekey.application.audit.AuditEntry;

/**
 * The audit trail, in rekey's own database. An entry appended inside a transaction of that database commits or
 * rolls back with it.
 */
public interface AuditLogPort {

    void appendAudit(AuditEntry entry);

    /** Entries at or after {@code since} with {@code action}, newest first. */
    List<AuditEntry> listAudit(Optional<Instant> since, Optional<AuditAction> action, int skip, int take);

    long countAudit(Optional<Instant> since, Optional<AuditAction> action);
}
