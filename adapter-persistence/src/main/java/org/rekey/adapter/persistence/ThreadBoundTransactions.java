package org.rekey.adapter.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.hibernate.Session;
import org.rekey.application.port.out.TransactionPort;
import org.rekey.domain.error.RekeyException;

/**
 * The {@link TransactionPort} over JPA: one EntityManager and transaction bound to the calling
 * thread. A nested {@code inTransaction} joins the outer one; if a joined step fails, the whole
 * transaction rolls back at the end even if the outer work catches the failure. Store calls made
 * outside a transaction run in a short transaction of their own. Shared by both stores of this module.
 */
public final class ThreadBoundTransactions implements TransactionPort {

    /** Work on a JDBC connection that the caller neither commits nor closes. */
    @FunctionalInterface
    interface JdbcWork<T> {
        T run(Connection connection) throws SQLException;
    }

    private final EntityManagerFactory factory;
    private final DataSource pool;
    private final ThreadLocal<UnitOfWork> current = new ThreadLocal<>();

    public ThreadBoundTransactions(EntityManagerFactory factory, DataSource pool) {
        this.factory = factory;
        this.pool = pool;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        Objects.requireNonNull(work, "work");
        UnitOfWork outer = current.get();
        if (outer != null) {
            try {
                return work.get();
            } catch (RuntimeException | Error failure) {
                outer.setRollbackOnly(failure);
                throw failure;
            }
        }
        UnitOfWork unit = UnitOfWork.begin(factory);
        current.set(unit);
        try {
            T result = work.get();
            unit.commit();
            return result;
        } catch (RuntimeException | Error failure) {
            unit.rollbackAfter(failure);
            throw failure;
        } finally {
            current.remove();
            unit.close();
        }
    }

    /**
     * Runs a store operation in the current transaction, or in a short one of its own. A database
     * failure marks the transaction rollback-only and is translated by {@code translate}.
     */
    public <T> T call(Function<EntityManager, T> work, Function<PersistenceException, RekeyException> translate) {
        UnitOfWork unit = current.get();
        if (unit == null) {
            return inTransaction(() -> call(work, translate));
        }
        try {
            return work.apply(unit.entityManager());
        } catch (PersistenceException e) {
            RekeyException translated = translate.apply(e);
            unit.setRollbackOnly(translated);
            throw translated;
        }
    }

    /**
     * Runs a single read: inside the current transaction when there is one, else as one autocommit
     * statement on a connection of its own, which saves the round trips of {@code BEGIN} and
     * {@code COMMIT} (measured in scripts/bench-http.sh on PostgreSQL). Only for work that reads.
     */
    public <T> T read(Function<EntityManager, T> work, Function<PersistenceException, RekeyException> translate) {
        if (current.get() != null) {
            return call(work, translate);
        }
        EntityManager entityManager = UnitOfWork.openEntityManager(factory);
        try {
            return work.apply(entityManager);
        } catch (PersistenceException e) {
            throw translate.apply(e);
        } finally {
            entityManager.close();
        }
    }

    /**
     * Runs a single read in plain JDBC: inside the current transaction on its connection when there is one,
     * else as one autocommit statement on a pooled connection, without building a JPA session (on the hot
     * path of a credential read that session cost more than the query: measured in scripts/bench-http.sh).
     *
     * @throws RekeyException {@code STORAGE_FAILURE} naming {@code action}, with the driver's failure as cause
     */
    <T> T readJdbc(JdbcWork<T> work, String action) {
        if (current.get() != null) {
            return call(em -> em.unwrap(Session.class).doReturningWork(work::run),
                    e -> StorageErrors.failure(action, e));
        }
        try (Connection connection = pool.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw StorageErrors.failure(action, e);
        }
    }

    /**
     * Fails unless the calling thread is inside a transaction: for operations that mean nothing
     * outside one (row locks).
     *
     * @throws IllegalStateException when the calling thread has no transaction
     */
    public void requireTransaction(String operation) {
        if (current.get() == null) {
            throw new IllegalStateException(operation + " must run inside TransactionPort.inTransaction:"
                    + " its row locks last only until the transaction ends");
        }
    }
}
