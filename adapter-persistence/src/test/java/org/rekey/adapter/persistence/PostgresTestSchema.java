package org.rekey.adapter.persistence;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh PostgreSQL schema for one test class (register it as a static {@code @RegisterExtension}
 * field): created before the class's tests, dropped after them, passed to every connection with
 * {@code currentSchema=}.
 *
 * <p>The server comes from {@code REKEY_TEST_PG_URL} (default
 * {@value #DEFAULT_URL}). When it is unreachable, every test of the class is skipped (an aborted
 * assumption, counted as skipped) after a loud message on stderr, unless
 * {@code REKEY_TEST_REQUIRE_PG=true}, which makes the class fail instead. Open databases in
 * {@code @BeforeEach} or in the test, not in {@code @BeforeAll}, so that the skip comes first.
 */
public final class PostgresTestSchema
        implements TestDatabase, BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    public static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
    private static final int LOGIN_TIMEOUT_SECONDS = 5;

    private final String serverUrl;
    private final String schema;
    private final int maxPoolSize;
    private boolean created;
    private String unavailable;

    public PostgresTestSchema() {
        this(4);
    }

    public PostgresTestSchema(int maxPoolSize) {
        String configured = System.getenv("REKEY_TEST_PG_URL");
        this.serverUrl = configured == null || configured.isBlank() ? DEFAULT_URL : configured;
        byte[] suffix = new byte[8];
        new SecureRandom().nextBytes(suffix);
        this.schema = "rekey_test_" + HexFormat.of().formatHex(suffix);
        this.maxPoolSize = maxPoolSize;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws SQLException {
        create(context.getDisplayName());
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (unavailable != null) {
            Assumptions.abort("SKIPPED: " + unavailable);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws SQLException {
        drop();
    }

    /**
     * Creates the schema. If the server is unreachable: fails when PostgreSQL is required, else prints
     * a loud message and returns false.
     */
    public boolean create(String testName) throws SQLException {
        try (Connection connection = serverConnection()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE SCHEMA " + schema);
            }
            created = true;
            unavailable = null;
            return true;
        } catch (SQLException e) {
            String message = "PostgreSQL is not reachable at " + JdbcUrls.redact(serverUrl) + " (" + e.getMessage()
                    + "), needed by " + testName;
            if (Boolean.parseBoolean(System.getenv("REKEY_TEST_REQUIRE_PG"))) {
                throw new SQLException(message + "; REKEY_TEST_REQUIRE_PG=true, so this is a failure", e);
            }
            System.err.println();
            System.err.println("!!!!! SKIPPING " + testName + ": " + message
                    + ". Set REKEY_TEST_PG_URL to a reachable server, or REKEY_TEST_REQUIRE_PG=true to fail instead. !!!!!");
            System.err.println();
            unavailable = message;
            return false;
        }
    }

    /** Drops the schema and everything in it, if it was created. */
    public void drop() throws SQLException {
        if (!created) {
            return;
        }
        created = false;
        try (Connection connection = serverConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    public String schema() {
        return schema;
    }

    /** The server URL with {@code currentSchema} set to this schema. */
    public String jdbcUrl() {
        return serverUrl + (serverUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    @Override
    public DatabaseSettings settings() {
        return new DatabaseSettings(jdbcUrl(), null, null, maxPoolSize);
    }

    @Override
    public String vendorName() {
        return "PostgreSQL";
    }

    private Connection serverConnection() throws SQLException {
        DriverManager.setLoginTimeout(LOGIN_TIMEOUT_SECONDS);
        return DriverManager.getConnection(serverUrl);
    }
}
