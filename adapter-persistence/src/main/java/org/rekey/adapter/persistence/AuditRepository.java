package org.rekey.adapter.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.rekey.application.audit.Actor;
import org.rekey.application.audit.AuditAction;
import org.rekey.application.audit.AuditEntry;
import org.rekey.application.audit.AuditOutcome;
import org.rekey.application.port.out.AuditLogPort;

/** The audit trail in {@code audit_entry}, through JPA; entries are only ever inserted. */
public final class AuditRepository implements AuditLogPort {

    private final ThreadBoundTransactions transactions;

    AuditRepository(ThreadBoundTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void appendAudit(AuditEntry entry) {
        transactions.call(em -> {
            AuditEntryEntity row = new AuditEntryEntity();
            row.at = entry.at();
            row.actorKind = entry.actor().kind().wireName();
            row.actorId = entry.actor().id();
            row.actorLabel = entry.actor().label();
            row.action = entry.action().wireName();
            row.target = entry.target();
            row.outcome = entry.outcome().wireName();
            row.detail = entry.detail();
            em.persist(row);
            em.flush();
            em.detach(row);
            return null;
        }, e -> StorageErrors.failure("writing the audit trail", e));
    }

    @Override
    public List<AuditEntry> listAudit(Optional<Instant> since, Optional<AuditAction> action, int skip, int take) {
        return transactions.read(em -> query(em, "select a", " order by a.at desc, a.id desc", AuditEntryEntity.class,
                        since, action).setFirstResult(skip).setMaxResults(take).getResultList().stream()
                .map(AuditRepository::toDomain).toList(), e -> StorageErrors.failure("reading the audit trail", e));
    }

    @Override
    public long countAudit(Optional<Instant> since, Optional<AuditAction> action) {
        return transactions.read(em -> query(em, "select count(a)", "", Long.class, since, action).getSingleResult(),
                e -> StorageErrors.failure("counting the audit trail", e));
    }

    private static <T> TypedQuery<T> query(EntityManager em, String select, String order, Class<T> type,
            Optional<Instant> since, Optional<AuditAction> action) {
        String where = since.isPresent() && action.isPresent() ? " where a.at >= :since and a.action = :action"
                : since.isPresent() ? " where a.at >= :since"
                : action.isPresent() ? " where a.action = :action"
                : "";
        TypedQuery<T> query = em.createQuery(select + " from AuditEntryEntity a" + where + order, type);
        since.ifPresent(at -> query.setParameter("since", at));
        action.ifPresent(a -> query.setParameter("action", a.wireName()));
        return query;
    }

    private static AuditEntry toDomain(AuditEntryEntity row) {
        return new AuditEntry(row.at, new Actor(Actor.Kind.fromWire(row.actorKind), row.actorId, row.actorLabel),
                AuditAction.fromWire(row.action), row.target, AuditOutcome.fromWire(row.outcome), row.detail);
    }
}
