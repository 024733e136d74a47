package org.rekey.adapter.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.PersistenceException;
import org.rekey.application.error.ApplicationErrorCode;
import org.rekey.domain.error.RekeyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One thread's EntityManager and open transaction. A failed step marks the transaction rollback-only with
 * JPA's own flag (Hibernate sets the same flag itself when one of its operations fails); the first failure
 * is kept to say why the commit rolled back.
 */
final class UnitOfWork {

    private static final Logger LOG = LoggerFactory.getLogger(UnitOfWork.class);

    private final EntityManager entityManager;
    private Throwable rollbackCause;

    private UnitOfWork(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    static UnitOfWork begin(EntityManagerFactory factory) {
        EntityManager entityManager = openEntityManager(factory);
        try {
            entityManager.getTransaction().begin();
        } catch (PersistenceException e) {
            entityManager.close();
            throw StorageErrors.failure("starting a transaction", e);
        }
        return new UnitOfWork(entityManager);
    }

    /** @throws RekeyException {@code STORAGE_FAILURE} once the database is closed */
    static EntityManager openEntityManager(EntityManagerFactory factory) {
        try {
            return factory.createEntityManager();
        } catch (IllegalStateException e) {
            throw new RekeyException(ApplicationErrorCode.STORAGE_FAILURE, "the database is closed", e);
        }
    }

    EntityManager entityManager() {
        return entityManager;
    }

    /** A step inside failed: the transaction can only roll back now. */
    void setRollbackOnly(Throwable failure) {
        EntityTransaction transaction = entityManager.getTransaction();
        if (transaction.isActive()) {
            transaction.setRollbackOnly();
        }
        if (rollbackCause == null) {
            rollbackCause = failure;
        }
    }

    /**
     * @throws RekeyException {@code STORAGE_FAILURE} if the commit fails, or if the transaction is marked
     *     rollback-only (then everything is rolled back, even when the work caught the failure and returned)
     */
    void commit() {
        EntityTransaction transaction = entityManager.getTransaction();
        if (transaction.getRollbackOnly()) {
            transaction.rollback();
            throw new RekeyException(ApplicationErrorCode.STORAGE_FAILURE, "the transaction was rolled back because"
                    + " a step inside it failed" + describe(rollbackCause), rollbackCause);
        }
        try {
            transaction.commit();
        } catch (PersistenceException e) {
            throw StorageErrors.failure("committing a transaction", e);
        }
    }

    void rollbackAfter(Throwable failure) {
        try {
            EntityTransaction transaction = entityManager.getTransaction();
            if (transaction.isActive()) {
                transaction.rollback();
            }
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    void close() {
        try {
            entityManager.close();
        } catch (RuntimeException e) {
            LOG.warn("closing an entity manager failed: {}", e.toString());
        }
    }

    private static String describe(Throwable failure) {
        return failure instanceof RekeyException rekey ? " (" + rekey.code() + ": " + rekey.getMessage() + ")" : "";
    }
}
