package org.rekey.application.port.in.audit;

/** Reads the audit trail, newest first. */
public interface ListAuditUseCase {

    AuditPage listAudit(AuditQuery query);
}
