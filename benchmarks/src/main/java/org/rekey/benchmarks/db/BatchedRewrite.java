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
 * The loop both database references share: claim the next rows after the last id ({@code ?, ?}: the id, the
 * batch size), rewrite them as one JDBC batch in which every statement must update exactly one row, commit,
 * until no row is left. A subclass says how a row is read and how its rewrite is bound.
 *
 * @param <R> one claimed row
 */
public abstract class BatchedRewrite<R> {

    private final String claimSql;
    private final String rewriteSql;
    private final int batchSize;

    protected BatchedRewrite(String claimSql, String rewriteSql, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("the batch size must be at least 1, not " + batchSize);
        }
        this.claimSql = claimSql;
        this.rewriteSql = rewriteSql;
        this.batchSize = batchSize;
    }

    /** The claimed row the cursor is on. */
    protected abstract R row(ResultSet result) throws SQLException;

    protected abstract String id(R row);

    /** Binds the rewrite of {@code row}; {@code now} is the batch's time. */
    protected abstract void bind(PreparedStatement rewrite, R row, OffsetDateTime now) throws SQLException;

    /** Rewrites every row; the connection is left in auto-commit mode as it was found. */
    public final RewriteResult run(Connection connection) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        long started = System.nanoTime();
        long rows = 0;
        int batches = 0;
        try (PreparedStatement claim = connection.prepareStatement(claimSql);
                PreparedStatement rewrite = connection.prepareStatement(rewriteSql)) {
            String after = "";
            while (true) {
                List<R> batch = claim(claim, after);
                if (batch.isEmpty()) {
                    connection.commit();
                    break;
                }
                write(rewrite, batch);
                connection.commit();
                rows += batch.size();
                batches++;
                after = id(batch.get(batch.size() - 1));
            }
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        return new RewriteResult(rows, batches, Duration.ofNanos(System.nanoTime() - started));
    }

    private List<R> claim(PreparedStatement claim, String after) throws SQLException {
        claim.setString(1, after);
        claim.setInt(2, batchSize);
        List<R> batch = new ArrayList<>(batchSize);
        try (ResultSet result = claim.executeQuery()) {
            while (result.next()) {
                batch.add(row(result));
            }
        }
        return batch;
    }

    private void write(PreparedStatement rewrite, List<R> batch) throws SQLException {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (R row : batch) {
            bind(rewrite, row, now);
            rewrite.addBatch();
        }
        int[] counts = rewrite.executeBatch();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] != 1) {
                throw new SQLException("row " + id(batch.get(i)) + " changed while it was locked (" + counts[i]
                        + " rows updated)");
            }
        }
    }
}
