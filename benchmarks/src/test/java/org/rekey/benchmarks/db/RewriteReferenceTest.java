package org.rekey.benchmarks.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The JDBC reference of bench-db.sh, on a real PostgreSQL (REKEY_TEST_PG_URL), in a schema of its own. */
class RewriteReferenceTest {

    private PostgresSchema schema;

    @BeforeEach
    void seven_rows() throws SQLException {
        schema = PostgresSchema.create();
        schema.execute("INSERT INTO credentials_entity SELECT 'id' || n, 'c' || n, 't', 'key1:' || repeat('v', n),"
                + " 'key1', n, TIMESTAMPTZ '2020-01-01', TIMESTAMPTZ '2020-01-01' FROM generate_series(1, 7) n");
    }

    @AfterEach
    void dropSchema() throws SQLException {
        if (schema != null) {
            schema.close();
        }
    }

    @Test
    void run_withTheSameValues_rewritesEveryRowOnceInBatchesKeepingValuesAndKeyIds() throws SQLException {
        Map<String, Row> before = rows();

        RewriteResult result = new RewriteReference(3, ValueRewrite.SAME_VALUE).run(schema.connection());

        assertThat(result.rows()).isEqualTo(7);
        assertThat(result.batches()).isEqualTo(3);
        assertThat(result.summary()).matches("rows=7 batches=3 millis=\\d+");
        Map<String, Row> after = rows();
        assertThat(after).hasSameSizeAs(before);
        before.forEach((id, row) -> {
            Row rewritten = after.get(id);
            assertThat(rewritten.version()).as("version of %s", id).isEqualTo(row.version() + 1);
            assertThat(rewritten.data()).isEqualTo(row.data());
            assertThat(rewritten.keyId()).isEqualTo("key1");
            assertThat(rewritten.updatedAt()).isAfter(row.updatedAt());
        });
        assertThat(schema.connection().getAutoCommit()).isTrue();
    }

    @Test
    void run_withNewValues_storesThemWithTheKeyIdTheyName() throws SQLException {
        new RewriteReference(500, value -> "key2:" + value.substring("key1:".length())).run(schema.connection());

        assertThat(rows().values()).allSatisfy(row -> {
            assertThat(row.data()).startsWith("key2:v");
            assertThat(row.keyId()).isEqualTo("key2");
        });
    }

    @Test
    void run_whenAValueCannotBeRewritten_rollsBackTheBatchAndFails() throws SQLException {
        Map<String, Row> before = rows();

        assertThatThrownBy(() -> new RewriteReference(500, value -> {
            throw new IllegalStateException("cannot rewrite");
        }).run(schema.connection())).hasMessage("cannot rewrite");

        assertThat(rows()).isEqualTo(before);
        assertThat(schema.connection().getAutoCommit()).isTrue();
    }

    @Test
    void run_onAnEmptyTable_rewritesNothing() throws SQLException {
        schema.execute("DELETE FROM credentials_entity");

        RewriteResult result = new RewriteReference(500, ValueRewrite.SAME_VALUE).run(schema.connection());

        assertThat(result.rows()).isZero();
        assertThat(result.batches()).isZero();
    }

    @Test
    void constructor_rejectsABatchSizeBelowOne() {
        assertThatThrownBy(() -> new RewriteReference(0, ValueRewrite.SAME_VALUE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1");
    }

    private Map<String, Row> rows() throws SQLException {
        Map<String, Row> rows = new LinkedHashMap<>();
        try (PreparedStatement select = schema.connection().prepareStatement(
                "SELECT id, data, key_id, version, updated_at FROM credentials_entity ORDER BY id");
                ResultSet result = select.executeQuery()) {
            while (result.next()) {
                rows.put(result.getString(1), new Row(result.getString(2), result.getString(3), result.getLong(4),
                        result.getTimestamp(5).toInstant()));
            }
        }
        return rows;
    }

    /** The columns the reference may and may not change. */
    private record Row(String data, String keyId, long version, Instant updatedAt) {
    }
}
