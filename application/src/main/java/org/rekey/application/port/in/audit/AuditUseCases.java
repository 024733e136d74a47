package org.rekey.application.port.in.audit;

/** The audit use cases: reading the trail (the services write it as they change things). */
public record AuditUseCases(ListAuditUseCase listAudit) {
}
