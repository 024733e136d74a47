package org.rekey.adapter.persistence.n8n;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rekey.adapter.persistence.PostgresTestSchema;

/**
 * Pages of n8n's credentials are ordered by id in code-point order: with {@code COLLATE "C"} where the id
 * column's collation orders otherwise, and without it (so that the primary key index serves each page) where
 * it already orders by code point.
 */
class N8nSqlIdOrderTest {

    @RegisterExtension
    static final PostgresTestSchema SCHEMA = new PostgresTestSchema();

    @Test
    void idsInACodePointCollation_needNoCollateClause_andThePageUsesThePrimaryKeyIndex() throws Exception {
        try (Connection connection = table("C")) {
            N8nSql sql = new N8nSql(N8nDatabaseSettings.Kind.POSTGRES, "").on(connection);

            assertThat(sql.binary()).isEmpty();
            assertThat(plan(connection, sql)).contains("Index Scan").doesNotContain("Sort");
        }
    }

    @Test
    void idsInALinguisticCollation_areComparedByCodePoint() throws Exception {
        try (Connection connection = table("und-x-icu")) {
            N8nSql sql = new N8nSql(N8nDatabaseSettings.Kind.POSTGRES, "").on(connection);

            assertThat(sql.binary()).isEqualTo(" COLLATE \"C\"");
        }
    }

    @Test
    void sqlite_comparesBytesAlready() throws Exception {
        assertThat(new N8nSql(N8nDatabaseSettings.Kind.SQLITE, "").binary()).isEmpty();
    }

    /** A connection whose current schema holds a credentials_entity of 2000 rows, ids in {@code collation}. */
    private static Connection table(String collation) throws Exception {
        Connection connection = java.sql.DriverManager.getConnection(SCHEMA.jdbcUrl());
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS credentials_entity");
            statement.execute("CREATE TABLE credentials_entity (id varchar(36) COLLATE \"" + collation
                    + "\" PRIMARY KEY, data text NOT NULL)");
            statement.execute("INSERT INTO credentials_entity SELECT 'c' || n, repeat('v', 200)"
                    + " FROM generate_series(1, 2000) n");
            statement.execute("ANALYZE credentials_entity");
        }
        return connection;
    }

    private static String plan(Connection connection, N8nSql sql) throws Exception {
        List<String> lines = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("EXPLAIN SELECT id, data FROM credentials_entity WHERE id"
                        + sql.binary() + " > 'c1000' ORDER BY id" + sql.binary() + " LIMIT 500")) {
            while (rows.next()) {
                lines.add(rows.getString(1));
            }
        }
        return String.join("\n", lines);
    }
}
