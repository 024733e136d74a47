package org.rekey.bootstrap.e2e;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rekey.adapter.persistence.PostgresTestSchema;
import org.rekey.bootstrap.Cli;
import org.rekey.bootstrap.RekeyConfig;

/**
 * One test deployment: a user folder, a database (the default embedded H2 in that folder, or a fresh
 * PostgreSQL schema), and the environment every command of the test runs with.
 */
public final class Deployment {

    public static final String KEY = "test-instance-key-0123456789";

    private final Path userFolder;
    private final PostgresTestSchema postgres;
    private final Map<String, String> env = new HashMap<>();

    private Deployment(Path userFolder, PostgresTestSchema postgres) {
        this.userFolder = userFolder;
        this.postgres = postgres;
        env.put(RekeyConfig.USER_FOLDER, userFolder.toString());
        env.put(RekeyConfig.ENCRYPTION_KEY, KEY);
        if (postgres != null) {
            env.put(RekeyConfig.DB_URL, postgres.jdbcUrl());
        }
    }

    public static Deployment h2(Path userFolder) {
        return new Deployment(userFolder, null);
    }

    /** A deployment on {@code schema}, emptied first: tests of one class share the schema, not its tables. */
    public static Deployment freshPostgres(PostgresTestSchema schema, Path userFolder) throws SQLException {
        schema.drop();
        schema.create(Deployment.class.getSimpleName());
        return new Deployment(userFolder, schema);
    }

    public Deployment set(String name, String value) {
        if (value == null) {
            env.remove(name);
        } else {
            env.put(name, value);
        }
        return this;
    }

    public Deployment rotation(boolean enabled) {
        return set(RekeyConfig.ROTATION_FLAG, String.valueOf(enabled));
    }

    public Map<String, String> env() {
        return Map.copyOf(env);
    }

    public Path userFolder() {
        return userFolder;
    }

    public Cli.Result run(String... args) {
        return Cli.run(env, args);
    }

    /** The JDBC URL the deployment uses (the default H2 file, or the PostgreSQL schema). */
    public String jdbcUrl() {
        return postgres != null ? postgres.jdbcUrl() : new RekeyConfig(env).database().jdbcUrl();
    }

    public Connection connect() throws SQLException {
        return postgres != null ? DriverManager.getConnection(jdbcUrl())
                : DriverManager.getConnection(jdbcUrl(), "sa", "");
    }

    /** Every row of rekey's tables, as text, in a stable order: to prove that nothing changed. */
    public List<String> dump() throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (String table : List.of("deployment_key", "credentials_entity", "api_key")) {
                try (ResultSet rs = statement.executeQuery("SELECT * FROM " + table + " ORDER BY id")) {
                    ResultSetMetaData meta = rs.getMetaData();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder(table);
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            row.append('|').append(meta.getColumnName(i)).append('=').append(rs.getString(i));
                        }
                        rows.add(row.toString());
                    }
                }
            }
        }
        return rows;
    }

    public long count(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
