package org.rekey.benchmarks.n8n;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.rekey.benchmarks.db.RewriteResult;
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
public final class N8nRewriteReference {

    private static final String CLAIM = "SELECT id, data FROM credentials_entity WHERE id > ?"
            + " ORDER BY id LIMIT ? FOR UPDATE";
    private static final String REWRITE = "UPDATE credentials_entity SET data = ? WHERE id = ? AND data = ?";

    private final int batchSize;
    private final ValueRewrite values;

    public N8nRewriteReference(int batchSize, ValueRewrite values) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("the batch size must be at least 1, not " + batchSize);
        }
        this.batchSize = batchSize;
        this.values = values;
    }

    /** Rewrites every row; the connection is left in auto-commit mode as it was found. */
    public RewriteResult run(Connection connection) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        long started = System.nanoTime();
        long rows = 0;
        int batches = 0;
        try (PreparedStatement claim = connection.prepareStatement(CLAIM);
                PreparedStatement rewrite = connection.prepareStatement(REWRITE)) {
            String after = "";
            while (true) {
                List<Row> batch = claim(claim, after);
                if (batch.isEmpty()) {
                    connection.commit();
                    break;
                }
                write(rewrite, batch);
                connection.commit();
                rows += batch.size();
                batches++;
                after = batch.get(batch.size() - 1).id();
            }
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        return new RewriteResult(rows, batches, Duration.ofNanos(System.nanoTime() - started));
    }

    private List<Row> claim(PreparedStatement claim, String after) throws SQLException {
        claim.setString(1, after);
        claim.setInt(2, batchSize);
        List<Row> batch = new ArrayList<>(batchSize);
        try (ResultSet result = claim.executeQuery()) {
            while (result.next()) {
                batch.add(new Row(result.getString(1), result.getString(2)));
            }
        }
        return batch;
    }

    private void write(PreparedStatement rewrite, List<Row> batch) throws SQLException {
        for (Row row : batch) {
            rewrite.setString(1, values.rewrite(row.data()));
            rewrite.setString(2, row.id());
            rewrite.setString(3, row.data());
            rewrite.addBatch();
        }
        int[] counts = rewrite.executeBatch();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] != 1) {
                throw new SQLException("row " + batch.get(i).id() + " changed while it was locked (" + counts[i]
                        + " rows updated)");
            }
        }
    }

    /** One claimed row. */
    private record Row(String id, String data) {
    }
}
