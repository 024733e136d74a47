package org.rekey.benchmarks.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

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
public final class RewriteReference {

    private static final String CLAIM = "SELECT id, data, version FROM credentials_entity WHERE id > ?"
            + " ORDER BY id LIMIT ? FOR UPDATE";
    private static final String REWRITE = "UPDATE credentials_entity SET data = ?, key_id = ?,"
            + " version = version + 1, updated_at = ? WHERE id = ? AND version = ?";

    private final int batchSize;
    private final ValueRewrite values;

    public RewriteReference(int batchSize, ValueRewrite values) {
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
                batch.add(new Row(result.getString(1), result.getString(2), result.getLong(3)));
            }
        }
        return batch;
    }

    private void write(PreparedStatement rewrite, List<Row> batch) throws SQLException {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (Row row : batch) {
            String value = values.rewrite(row.data());
            rewrite.setString(1, value);
            rewrite.setString(2, ValueRewrite.keyIdOf(value));
            rewrite.setObject(3, now);
            rewrite.setString(4, row.id());
            rewrite.setLong(5, row.version());
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
    private record Row(String id, String data, long version) {
    }
}
