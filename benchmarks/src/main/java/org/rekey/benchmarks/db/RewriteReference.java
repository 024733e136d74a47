package org.rekey.benchmarks.db;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

/**
 * The database floor of eager re-encryption, for {@code scripts/bench-db.sh}: plain JDBC that rewrites
 * every row of {@code credentials_entity} with a value of the same size, in batches of the same size as
 * rekey's, one commit per batch, without any cryptography.
 *
 * <p>Each batch does what rekey's job must do at the least: lock the next rows by id and read them
 * ({@code SELECT ... FOR UPDATE}), then write each one back under the same optimistic lock rekey uses
 * ({@code ... WHERE id = ? AND version = ?}, version incremented), sent as one JDBC batch, and commit.
 * The value written is what a {@link ValueRewrite} makes of the value read, with the key id it names:
 * {@link ValueRewrite#SAME_VALUE} (the reference: the same size by construction, and still valid, so
 * rekey can re-encrypt the same rows afterwards) or {@link KeyringReencrypt} (rekey's cryptography).
 */
public final class RewriteReference extends BatchedRewrite<RewriteReference.Row> {

    private static final String CLAIM = "SELECT id, data, version FROM credentials_entity WHERE id > ?"
            + " ORDER BY id LIMIT ? FOR UPDATE";
    private static final String REWRITE = "UPDATE credentials_entity SET data = ?, key_id = ?,"
            + " version = version + 1, updated_at = ? WHERE id = ? AND version = ?";

    private final ValueRewrite values;

    public RewriteReference(int batchSize, ValueRewrite values) {
        super(CLAIM, REWRITE, batchSize);
        this.values = values;
    }

    @Override
    protected Row row(ResultSet result) throws SQLException {
        return new Row(result.getString(1), result.getString(2), result.getLong(3));
    }

    @Override
    protected String id(Row row) {
        return row.id();
    }

    @Override
    protected void bind(PreparedStatement rewrite, Row row, OffsetDateTime now) throws SQLException {
        String value = values.rewrite(row.data());
        rewrite.setString(1, value);
        rewrite.setString(2, ValueRewrite.keyIdOf(value));
        rewrite.setObject(3, now);
        rewrite.setString(4, row.id());
        rewrite.setLong(5, row.version());
    }

    /** One claimed row. */
    record Row(String id, String data, long version) {
    }
}
