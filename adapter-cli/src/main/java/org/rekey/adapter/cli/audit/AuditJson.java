package org.rekey.adapter.cli.audit;

import java.time.Instant;
import java.util.List;
import org.rekey.application.audit.AuditEntry;
import org.rekey.application.port.in.audit.AuditPage;

/** {@code rekey audit --json}: as {@code GET /rest/audit}, {@code {count, items}}, newest first. */
record AuditJson(long count, List<Entry> items) {

    record Entry(Instant at, ActorJson actor, String action, String target, String outcome, String detail) {
        static Entry of(AuditEntry entry) {
            return new Entry(entry.at(), ActorJson.of(entry.actor()), entry.action().wireName(), entry.target(),
                    entry.outcome().wireName(), entry.detail());
        }
    }

    static AuditJson of(AuditPage page) {
        return new AuditJson(page.count(), page.items().stream().map(Entry::of).toList());
    }
}
