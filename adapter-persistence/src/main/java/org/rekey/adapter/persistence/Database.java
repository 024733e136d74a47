package org.rekey.adapter.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.JdbcSettings;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.hibernate.tool.schema.Action;
import org.rekey.application.error.ApplicationErrorCode;
import org.rekey.application.port.out.CheckStorePort;
import org.rekey.application.port.out.TransactionPort;
import org.rekey.domain.error.RekeyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relational store (H2 or PostgreSQL): opens a connection pool, migrates the schema with Flyway,
 * and exposes the out-port implementations. One instance per process; close it on shutdown.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private static final long CONNECTION_TIMEOUT_MILLIS = 10_000;

    private final HikariDataSource pool;
    private final EntityManagerFactory entityManagers;
    private final Connection inMemoryKeeper;
    private final ThreadBoundTransactions transactions;
    private final DataKeyRepository dataKeys;
    private final RecordRepository records;
    private final SecretRepository secrets;
    private final ApiKeyRepository apiKeys;
    private final JobRepository jobs;
    private final AuditRepository audit;
    private final StoreCheck storeCheck;

    private Database(HikariDataSource pool, EntityManagerFactory entityManagers, Connection inMemoryKeeper) {
        this.pool = pool;
        this.entityManagers = entityManagers;
        this.inMemoryKeeper = inMemoryKeeper;
        this.transactions = new ThreadBoundTransactions(entityManagers, pool);
        this.dataKeys = new DataKeyRepository(transactions);
        this.records = new RecordRepository(transactions);
        this.secrets = new SecretRepository(transactions);
        this.apiKeys = new ApiKeyRepository(transactions);
        this.jobs = new JobRepository(transactions);
        this.audit = new AuditRepository(transactions);
        this.storeCheck = new StoreCheck(pool, StoreCheck.REKEY_TABLES);
    }

    /**
     * Connects, migrates the schema to the latest version and builds the JPA layer.
     *
     * @throws RekeyException {@code INVALID_INPUT} for a URL that is neither H2 nor PostgreSQL;
     *     {@code STORAGE_FAILURE} when the database cannot be reached or migrated (the message names
     *     the URL, never the password)
     */
    public static Database open(DatabaseSettings settings) {
        return open(settings, Optional.empty());
    }

    /**
     * As {@link #open(DatabaseSettings)}, with the connection pool reporting its metrics (connections in use,
     * idle, pending, acquisition times) to {@code poolMetrics}, for example HikariCP's Micrometer tracker.
     */
    public static Database open(DatabaseSettings settings, Optional<MetricsTrackerFactory> poolMetrics) {
        DatabaseVendor vendor = DatabaseVendor.of(settings.jdbcUrl());
        Connection keeper = DatabaseVendor.isInMemory(settings.jdbcUrl()) ? keepInMemoryDatabase(settings) : null;
        HikariDataSource pool = null;
        try {
            pool = openPool(settings, poolMetrics);
            migrate(pool, vendor, settings);
            EntityManagerFactory entityManagers = entityManagers(pool);
            LOG.info("database ready: {}", JdbcUrls.redact(settings.jdbcUrl()));
            return new Database(pool, entityManagers, keeper);
        } catch (RuntimeException e) {
            if (pool != null) {
                pool.close();
            }
            closeQuietly(keeper);
            throw e;
        }
    }

    private static HikariDataSource openPool(DatabaseSettings settings, Optional<MetricsTrackerFactory> metrics) {
        HikariConfig config = new HikariConfig();
        metrics.ifPresent(config::setMetricsTrackerFactory);
        config.setPoolName("rekey");
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.maxPoolSize());
        config.setConnectionTimeout(CONNECTION_TIMEOUT_MILLIS);
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw cannotConnect(settings, e);
        }
    }

    /** H2 drops an in-memory database with its last connection: hold one outside the pool while open. */
    private static Connection keepInMemoryDatabase(DatabaseSettings settings) {
        try {
            return DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
        } catch (SQLException e) {
            throw cannotConnect(settings, e);
        }
    }

    private static void migrate(HikariDataSource pool, DatabaseVendor vendor, DatabaseSettings settings) {
        try {
            Flyway.configure()
                    .dataSource(pool)
                    .locations(vendor.migrationLocations())
                    .failOnMissingLocations(true)
                    .placeholderReplacement(false)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new RekeyException(ApplicationErrorCode.STORAGE_FAILURE, "migrating the database schema at "
                    + JdbcUrls.redact(settings.jdbcUrl()) + " failed: " + JdbcUrls.redact(e.getMessage()), e);
        }
    }

    private static EntityManagerFactory entityManagers(HikariDataSource pool) {
        return new HibernatePersistenceConfiguration("rekey")
                .managedClasses(DataKeyEntity.class, RecordEntity.class, ApiKeyEntity.class, JobEntity.class,
                        AuditEntryEntity.class)
                .property(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, pool)
                .schemaToolingAction(Action.NONE)
                // Failures reach callers translated, with the driver's exception as cause; expected
                // ones (a lost rotation race, a duplicate id) are not worth a warning in the log.
                .property(JdbcSettings.LOG_JDBC_ERRORS, false)
                .createEntityManagerFactory();
    }

    private static RekeyException cannotConnect(DatabaseSettings settings, Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return new RekeyException(ApplicationErrorCode.STORAGE_FAILURE, "cannot connect to the database at "
                + JdbcUrls.redact(settings.jdbcUrl()) + ": " + JdbcUrls.redact(root.getMessage()), e);
    }

    public TransactionPort transactions() {
        return transactions;
    }

    /** {@code LoadDataKeysPort} and {@code SaveDataKeysPort}. */
    public DataKeyRepository dataKeys() {
        return dataKeys;
    }

    /** {@code LoadRecordsPort} and {@code SaveRecordPort}. */
    public RecordRepository records() {
        return records;
    }

    /** {@code LoadSecretsPort} and {@code RewriteSecretsPort}: every credential's data. */
    public SecretRepository secrets() {
        return secrets;
    }

    public JobRepository jobs() {
        return jobs;
    }

    public AuditRepository audit() {
        return audit;
    }

    public ApiKeyRepository apiKeys() {
        return apiKeys;
    }

    /** {@code CheckStorePort}: whether rekey's tables answer, within a few seconds; false once closed. */
    public CheckStorePort storeCheck() {
        return storeCheck;
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
            closeQuietly(inMemoryKeeper);
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("closing the in-memory database failed: {}", e.getMessage());
        }
    }
}
