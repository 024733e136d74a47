package org.rekey.application.port.in.audit;

import java.util.List;
import org.rekey.application.audit.AuditEntry;

/** A page of audit entries, newest first, and how many match in all. */
public record AuditPage(long count, List<AuditEntry> items) {

    public AuditPage {
        items = List.copyOf(items);
    }
}
