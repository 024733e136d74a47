package org.rekey.benchmarks.db;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import org.junit.jupiter.api.Assumptions;

/**
 * A connection to the test PostgreSQL ({@code REKEY_TEST_PG_URL}) with a fresh schema as its search path,
 * holding rekey's two tables ({@link #create()}) or the tables a script makes ({@link #create(String, String)});
 * {@link #close()} drops the schema. Unreachable: the test is skipped with a loud message, or fails when
 * {@code REKEY_TEST_REQUIRE_PG=true}.
 */
public final class PostgresSchema implements AutoCloseable {

    private static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

    private final Connection connection;
    private final String name;

    private PostgresSchema(Connection connection, String name) {
        this.connection = connection;
        this.name = name;
    }

    static PostgresSchema create() throws SQLException {
        return create("rekey_bench_test_", "CREATE TABLE credentials_entity (id VARCHAR(36) COLLATE \"C\" PRIMARY KEY,"
                + " name VARCHAR(128) NOT NULL, type VARCHAR(128) NOT NULL, data TEXT NOT NULL,"
                + " key_id VARCHAR(36), version BIGINT NOT NULL, created_at TIMESTAMP(3) WITH TIME ZONE NOT NULL,"
                + " updated_at TIMESTAMP(3) WITH TIME ZONE NOT NULL);"
                + " CREATE TABLE deployment_key (id VARCHAR(36) PRIMARY KEY, type VARCHAR(32) NOT NULL,"
                + " \"value\" TEXT NOT NULL, algorithm VARCHAR(32) NOT NULL, status VARCHAR(16) NOT NULL,"
                + " created_at TIMESTAMP(3) WITH TIME ZONE NOT NULL, updated_at TIMESTAMP(3) WITH TIME ZONE NOT NULL)");
    }

    /** A schema named {@code prefix} and a random suffix, in which {@code ddl} has run. */
    public static PostgresSchema create(String prefix, String ddl) throws SQLException {
        String configured = System.getenv("REKEY_TEST_PG_URL");
        String url = configured == null || configured.isBlank() ? DEFAULT_URL : configured;
        Connection connection;
        try {
            DriverManager.setLoginTimeout(5);
            connection = DriverManager.getConnection(url);
        } catch (SQLException e) {
            if (Boolean.parseBoolean(System.getenv("REKEY_TEST_REQUIRE_PG"))) {
                throw e;
            }
            System.err.println("!!!!! SKIPPING a benchmarks test: PostgreSQL is not reachable (" + e.getMessage()
                    + "). Set REKEY_TEST_PG_URL, or REKEY_TEST_REQUIRE_PG=true to fail instead. !!!!!");
            Assumptions.abort("PostgreSQL is not reachable");
            throw e;
        }
        byte[] suffix = new byte[6];
        new SecureRandom().nextBytes(suffix);
        String name = prefix + HexFormat.of().formatHex(suffix);
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + name);
            statement.execute("SET search_path TO " + name);
            statement.execute(ddl);
        }
        return new PostgresSchema(connection, name);
    }

    public Connection connection() {
        return connection;
    }

    public void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Override
    public void close() throws SQLException {
        try {
            execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
        } finally {
            connection.close();
        }
    }
}
