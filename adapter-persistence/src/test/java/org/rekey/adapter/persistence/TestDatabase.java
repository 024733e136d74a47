package org.rekey.adapter.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** A database for one test class: its settings, and plain JDBC access for setting up and checking rows. */
public interface TestDatabase {

    /** Settings to open a {@link Database} on this test database. */
    DatabaseSettings settings();

    /** "H2" or "PostgreSQL", for messages. */
    String vendorName();

    /** A plain JDBC connection (autocommit) to the same database and schema. */
    default Connection connect() throws SQLException {
        DatabaseSettings settings = settings();
        return DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
    }

    /** Runs statements with plain JDBC, outside any {@link Database}. */
    default void execute(String... statements) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
