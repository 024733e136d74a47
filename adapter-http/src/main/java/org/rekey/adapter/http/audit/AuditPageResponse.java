package org.rekey.adapter.http.audit;

import java.time.Instant;
import java.util.List;
import org.rekey.application.audit.AuditEntry;
import org.rekey.application.port.in.audit.AuditPage;

/** A page of the audit trail, newest first: {@code {count, items:[{at, actor, action, target, outcome, detail}]}}. */
public record AuditPageResponse(long count, List<Entry> items) {

    public record Entry(Instant at, ActorResponse actor, String action, String target, String outcome,
            String detail) {
        static Entry of(AuditEntry entry) {
            return new Entry(entry.at(), ActorResponse.of(entry.actor()), entry.action().wireName(), entry.target(),
                    entry.outcome().wireName(), entry.detail());
        }
    }

    public static AuditPageResponse of(AuditPage page) {
        return new AuditPageResponse(page.count(), page.items().stream().map(Entry::of).toList());
    }
}
