package org.rekey.adapter.persistence.n8n;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.hibernate.Session;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.JdbcSettings;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.hibernate.tool.schema.Action;
import org.rekey.application.error.ApplicationErrorCode;
import org.rekey.adapter.persistence.JdbcUrls;
import org.rekey.adapter.persistence.StorageErrors;
import org.rekey.adapter.persistence.StoreCheck;
import org.rekey.adapter.persistence.ThreadBoundTransactions;
import org.rekey.adapter.persistence.n8n.N8nDatabaseSettings.Kind;
import org.rekey.application.port.out.CheckStorePort;
import org.rekey.application.port.out.TransactionPort;
import org.rekey.domain.error.RekeyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * n8n's own database, in place: the out-ports over n8n's tables. Nothing is created or migrated (n8n owns
 * the schema); opening checks that the schema is the one rekey knows.
 *
 * <p>Transactions are rekey's own store's: the same {@link ThreadBoundTransactions} over a JPA
 * {@code EntityManagerFactory} (with no entities), so joining, rollback-only and autocommit reads follow the
 * same rules, and the JDBC work here runs on the transaction's connection ({@link #work}, {@link #read}). The
 * SQL is written out rather than mapped to entities, on purpose: the table names carry n8n's
 * {@code DB_TABLE_PREFIX}, known only at run time, while an entity's table is fixed at build time; n8n's
 * schema differs between its databases (text timestamps on SQLite, uuid and composite keys; {@link N8nSql});
 * n8n has no version column, so every write is a compare-and-set on the old content of what it changes.
 */
public final class N8nStore implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(N8nStore.class);
    private static final long CONNECTION_TIMEOUT_MILLIS = 10_000;
    /** How long a write waits for n8n to release SQLite's write lock. */
    private static final int SQLITE_BUSY_TIMEOUT_MILLIS = 30_000;

    private final N8nDatabaseSettings settings;
    private final HikariDataSource pool;
    private final EntityManagerFactory entityManagers;
    private final ThreadBoundTransactions transactions;
    private final N8nSql sql;
    private final StoreCheck storeCheck;

    private N8nStore(N8nDatabaseSettings settings, HikariDataSource pool, EntityManagerFactory entityManagers,
            N8nSql sql) {
        this.settings = settings;
        this.pool = pool;
        this.entityManagers = entityManagers;
        this.transactions = new ThreadBoundTransactions(entityManagers, pool);
        this.sql = sql;
        this.storeCheck = new StoreCheck(pool, List.of(N8nSchema.DEPLOYMENT_KEY, N8nSchema.CREDENTIALS).stream()
                .map(table -> "SELECT 1 FROM " + sql.table(table) + " WHERE 1 = 0").toList());
    }

    /**
     * Connects and checks n8n's schema.
     *
     * @throws RekeyException {@code STORAGE_FAILURE} when the database cannot be reached,
     *     {@code SCHEMA_MISMATCH} when a table or column rekey needs is missing
     */
    public static N8nStore open(N8nDatabaseSettings settings) {
        return open(settings, Optional.empty());
    }

    /** As {@link #open(N8nDatabaseSettings)}, with the connection pool reporting its metrics to {@code poolMetrics}. */
    public static N8nStore open(N8nDatabaseSettings settings, Optional<MetricsTrackerFactory> poolMetrics) {
        settings.sqliteFile().ifPresent(file -> {
            if (!java.nio.file.Files.isRegularFile(file)) {
                throw new RekeyException(ApplicationErrorCode.STORAGE_FAILURE, "there is no n8n database at " + file
                        + ": start n8n once (it creates and migrates it), or set DB_SQLITE_DATABASE / N8N_USER_FOLDER"
                        + " as n8n has them");
            }
        });
        HikariDataSource pool = openPool(settings, poolMetrics);
        try {
            N8nSql sql;
            try (Connection connection = pool.getConnection()) {
                N8nSql plain = new N8nSql(settings.kind(), settings.tablePrefix());
                N8nSchema.check(connection, plain, settings.describe());
                sql = plain.on(connection);
            } catch (SQLException e) {
                throw StorageErrors.failure("checking n8n's schema", e);
            }
            N8nStore store = new N8nStore(settings, pool, entityManagers(pool, settings), sql);
            LOG.info("n8n database ready: {}", settings.describe());
            return store;
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    private static HikariDataSource openPool(N8nDatabaseSettings settings, Optional<MetricsTrackerFactory> metrics) {
        HikariConfig config = new HikariConfig();
        metrics.ifPresent(config::setMetricsTrackerFactory);
        config.setPoolName("rekey-n8n");
        config.setJdbcUrl(settings.jdbcUrl());
        config.setConnectionTimeout(CONNECTION_TIMEOUT_MILLIS);
        if (settings.kind() == Kind.SQLITE) {
            // One writer at a time: take the write lock when a transaction begins (no upgrade from a read
            // snapshot that n8n may have made stale), and wait while n8n holds it.
            config.addDataSourceProperty("busy_timeout", String.valueOf(SQLITE_BUSY_TIMEOUT_MILLIS));
            config.addDataSourceProperty("transaction_mode", "IMMEDIATE");
            config.setMaximumPoolSize(2);
        } else {
            config.setUsername(settings.user());
            config.setPassword(settings.password());
            config.setMaximumPoolSize(8);
        }
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            throw new RekeyException(ApplicationErrorCode.STORAGE_FAILURE, "cannot connect to " + settings.describe() + ": "
                    + JdbcUrls.redact(root.getMessage()), e);
        }
    }

    private static EntityManagerFactory entityManagers(HikariDataSource pool, N8nDatabaseSettings settings) {
        HibernatePersistenceConfiguration configuration = new HibernatePersistenceConfiguration("rekey-n8n")
                .property(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, pool)
                .schemaToolingAction(Action.NONE)
                .property(JdbcSettings.LOG_JDBC_ERRORS, false);
        if (settings.kind() == Kind.SQLITE) {
            configuration.property(JdbcSettings.DIALECT, "org.hibernate.community.dialect.SQLiteDialect");
        }
        return configuration.createEntityManagerFactory();
    }

    public TransactionPort transactions() {
        return transactions;
    }

    /** {@code LoadDataKeysPort}, {@code SaveDataKeysPort} and {@code WrappedSecretsPort} over {@code deployment_key}. */
    public N8nKeyRepository keys() {
        return new N8nKeyRepository(this);
    }

    /** {@code LoadRecordsPort} and {@code SaveRecordPort} over {@code credentials_entity}. */
    public N8nCredentialRepository credentials() {
        return new N8nCredentialRepository(this);
    }

    /** {@code LoadSecretsPort} and {@code RewriteSecretsPort} over every encrypted column. */
    public N8nSecretRepository secrets() {
        return new N8nSecretRepository(this);
    }

    /** {@code CheckStorePort}: whether n8n's key and credential tables answer, within a few seconds. */
    public CheckStorePort storeCheck() {
        return storeCheck;
    }

    public N8nDatabaseSettings settings() {
        return settings;
    }

    N8nSql sql() {
        return sql;
    }

    /** Runs JDBC work in the current transaction, or in one of its own. */
    <T> T work(String action, SqlWork<T> work) {
        return transactions.call(em -> em.unwrap(Session.class).doReturningWork(work::run),
                e -> StorageErrors.failure(action + " in " + settings.describe(), e));
    }

    /** Runs reading JDBC work in the current transaction, or as autocommit statements. */
    <T> T read(String action, SqlWork<T> work) {
        return transactions.read(em -> em.unwrap(Session.class).doReturningWork(work::run),
                e -> StorageErrors.failure(action + " in " + settings.describe(), e));
    }

    void requireTransaction(String operation) {
        transactions.requireTransaction(operation);
    }

    /** JDBC work on the transaction's connection. */
    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    @Override
    public void close() {
        storeCheck.close();
        try {
            if (entityManagers.isOpen()) {
                entityManagers.close();
            }
        } finally {
            pool.close();
        }
    }
}
