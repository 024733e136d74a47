package org.rekey.application.service.audit;

import org.rekey.application.port.in.audit.AuditPage;
import org.rekey.application.port.in.audit.AuditQuery;
import org.rekey.application.port.in.audit.ListAuditUseCase;
import org.rekey.application.port.out.AuditLogPort;

/** Reads one page of the trail and the number of entries that match. */
public final class ListAuditService implements ListAuditUseCase {

    private final AuditLogPort log;

    public ListAuditService(AuditLogPort log) {
        this.log = log;
    }

    @Override
    public AuditPage listAudit(AuditQuery query) {
        return new AuditPage(log.countAudit(query.since(), query.action()),
                log.listAudit(query.since(), query.action(), query.page().skip(), query.page().take()));
    }
}
