package org.rekey.benchmarks.n8n;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import org.junit.jupiter.api.Assumptions;

/**
 * A connection to the test PostgreSQL ({@code REKEY_TEST_PG_URL}) with a fresh schema holding n8n 2.41.1's
 * tables (the adapter's fixture) as its search path; {@link #close()} drops the schema. Unreachable: the test
 * is skipped with a loud message, or fails when {@code REKEY_TEST_REQUIRE_PG=true}.
 */
final class N8nPostgresSchema implements AutoCloseable {

    private static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
    private static final Path FIXTURE = Path.of("..", "adapter-persistence", "src", "test", "resources", "n8n",
            "postgres-schema.sql");

    private final Connection connection;
    private final String name;

    private N8nPostgresSchema(Connection connection, String name) {
        this.connection = connection;
        this.name = name;
    }

    static N8nPostgresSchema create() throws SQLException, IOException {
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
        String name = "rekey_bench_n8n_test_" + HexFormat.of().formatHex(suffix);
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + name);
            statement.execute("SET search_path TO " + name);
            statement.execute(Files.readString(FIXTURE, StandardCharsets.UTF_8));
        }
        return new N8nPostgresSchema(connection, name);
    }

    Connection connection() {
        return connection;
    }

    void execute(String sql) throws SQLException {
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
