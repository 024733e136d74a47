package org.rekey.benchmarks.n8n;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import org.rekey.benchmarks.db.BatchedRewrite;
import org.rekey.benchmarks.db.ValueRewrite;

/**
 * The database floor of an in-place re-encryption of n8n's credentials, for {@code scripts/bench-n8n.sh}:
 * plain JDBC that rewrites {@code credentials_entity.data} of every row, in batches of rekey's size, one
 * commit per batch, without any cryptography.
 *
 * <p>Each batch does what rekey must do at the least on n8n's table, which has no version column: lock
 * the next rows by id and read them ({@code SELECT id, data ... FOR UPDATE}), then write each one back
 * with a compare-and-set on the old content ({@code UPDATE ... SET data = ? WHERE id = ? AND data = ?}),
 * sent as one JDBC batch, and commit. The value written is what the {@link ValueRewrite} makes of the
 * value read: {@link ValueRewrite#SAME_VALUE} keeps every row valid, so rekey can move the same rows.
 */
public final class N8nRewriteReference extends BatchedRewrite<N8nRewriteReference.Row> {

    private static final String CLAIM = "SELECT id, data FROM credentials_entity WHERE id > ?"
            + " ORDER BY id LIMIT ? FOR UPDATE";
    private static final String REWRITE = "UPDATE credentials_entity SET data = ? WHERE id = ? AND data = ?";

    private final ValueRewrite values;

    public N8nRewriteReference(int batchSize, ValueRewrite values) {
        super(CLAIM, REWRITE, batchSize);
        this.values = values;
    }

    @Override
    protected Row row(ResultSet result) throws SQLException {
        return new Row(result.getString(1), result.getString(2));
    }

    @Override
    protected String id(Row row) {
        return row.id();
    }

    @Override
    protected void bind(PreparedStatement rewrite, Row row, OffsetDateTime now) throws SQLException {
        rewrite.setString(1, values.rewrite(row.data()));
        rewrite.setString(2, row.id());
        rewrite.setString(3, row.data());
    }

    /** One claimed row. */
    record Row(String id, String data) {
    }
}
