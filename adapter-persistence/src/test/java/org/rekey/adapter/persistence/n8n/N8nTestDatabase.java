package org.rekey.adapter.persistence.n8n;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import org.rekey.adapter.persistence.PostgresTestSchema;

/**
 * A fresh n8n 2.41.1 database made from the schema dumped from a real n8n (src/test/resources/n8n, see the
 * header of each file): a PostgreSQL schema of its own, or a SQLite file in a temporary folder.
 */
final class N8nTestDatabase {

    private final N8nDatabaseSettings settings;

    private N8nTestDatabase(N8nDatabaseSettings settings) {
        this.settings = settings;
    }

    /** n8n's schema in {@code schema}'s PostgreSQL schema; {@code prefix} '' or 'rk_' (the two dumps). */
    static N8nTestDatabase postgres(PostgresTestSchema schema, String prefix) throws Exception {
        N8nTestDatabase database = new N8nTestDatabase(N8nDatabaseSettings.postgres(schema.jdbcUrl(), null, null,
                prefix));
        database.execute(fixture(prefix.isEmpty() ? "postgres-schema.sql" : "postgres-schema-rk.sql"));
        database.execute("INSERT INTO " + database.table("role") + " (slug) VALUES ('global:member')");
        return database;
    }

    /** n8n's schema in a new SQLite file. */
    static N8nTestDatabase sqlite(Path folder) throws Exception {
        Path file = folder.resolve("database.sqlite");
        N8nTestDatabase database = new N8nTestDatabase(N8nDatabaseSettings.sqlite(file, ""));
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA journal_mode=WAL");
            statement.execute("PRAGMA synchronous=OFF");
            statement.executeUpdate(fixture("sqlite-schema.sql"));
        }
        return database;
    }

    N8nDatabaseSettings settings() {
        return settings;
    }

    String table(String name) {
        return N8nSql.quote(settings.tablePrefix() + name);
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(settings.jdbcUrl());
    }

    void execute(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Runs one statement with parameters, as n8n (or a person with a SQL client) would. */
    int update(String sql, Object... parameters) throws SQLException {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        }
    }

    /** One text value, or null. */
    String queryText(String sql, Object... parameters) throws SQLException {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (var result = statement.executeQuery()) {
                return result.next() ? result.getString(1) : null;
            }
        }
    }

    static String fixture(String name) throws IOException {
        try (InputStream in = N8nTestDatabase.class.getResourceAsStream("/n8n/" + name)) {
            if (in == null) {
                throw new IOException("missing test fixture /n8n/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static Path tempFolder() throws IOException {
        return Files.createTempDirectory("rekey-n8n-test");
    }
}
