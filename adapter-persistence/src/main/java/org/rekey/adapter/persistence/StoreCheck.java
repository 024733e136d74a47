package org.rekey.adapter.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.rekey.application.port.out.CheckStorePort;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link CheckStorePort} on the pool: a query on each of rekey's tables, answered within
 * {@link #ANSWER_WITHIN_SECONDS}. A database that is gone makes the pool wait for its connection timeout,
 * so the query runs on its own thread; callers arriving while one runs share its answer.
 */
public final class StoreCheck implements CheckStorePort, AutoCloseable {

    static final int ANSWER_WITHIN_SECONDS = 3;

    private static final Logger LOG = LoggerFactory.getLogger(StoreCheck.class);
    /** Rekey's own tables. */
    static final List<String> REKEY_TABLES = List.of(
            "SELECT 1 FROM deployment_key WHERE 1 = 0",
            "SELECT 1 FROM credentials_entity WHERE 1 = 0",
            "SELECT 1 FROM api_key WHERE 1 = 0",
            "SELECT 1 FROM job WHERE 1 = 0",
            "SELECT 1 FROM audit_entry WHERE 1 = 0");

    private final DataSource pool;
    private final List<String> queries;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "rekey-store-check");
        thread.setDaemon(true);
        return thread;
    });
    private Future<Boolean> running;

    /** @param queries one query per table the store needs, each answering no rows */
    public StoreCheck(DataSource pool, List<String> queries) {
        this.pool = pool;
        this.queries = List.copyOf(queries);
    }

    @Override
    public boolean storeAnswers() {
        Future<Boolean> answer;
        synchronized (this) {
            if (runner.isShutdown()) {
                return false;
            }
            if (running == null || running.isDone()) {
                running = runner.submit(this::query);
            }
            answer = running;
        }
        try {
            return answer.get(ANSWER_WITHIN_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            LOG.warn("the database did not answer within {} s", ANSWER_WITHIN_SECONDS);
            return false;
        } catch (ExecutionException e) {
            LOG.warn("the database check failed: {}", JdbcUrls.redact(String.valueOf(e.getCause())));
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private boolean query() {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(ANSWER_WITHIN_SECONDS);
            for (String sql : queries) {
                statement.executeQuery(sql).close();
            }
            return true;
        } catch (SQLException e) {
            LOG.warn("the database does not answer: {}", JdbcUrls.redact(e.getMessage()));
            return false;
        }
    }

    @Override
    public synchronized void close() {
        runner.shutdownNow();
    }
}
