package org.rekey.adapter.persistence;

import org.rekey.domain.error.RekeyException;

/**
 * How to reach the database: a JDBC URL ({@code jdbc:h2:...} or {@code jdbc:postgresql://...}),
 * optional credentials and the connection pool's size. {@link #toString()} hides the password.
 */
public record DatabaseSettings(String jdbcUrl, String user, String password, int maxPoolSize) {

    public static final int DEFAULT_POOL_SIZE = 10;
    public static final int MAX_POOL_SIZE = 200;

    public DatabaseSettings {
        if (jdbcUrl == null || jdbcUrl.isBlank()) {
            throw RekeyException.invalid("the database URL is empty; expected jdbc:h2:... or jdbc:postgresql://...");
        }
        if (maxPoolSize < 1 || maxPoolSize > MAX_POOL_SIZE) {
            throw RekeyException.invalid("the database pool size is 1 to " + MAX_POOL_SIZE + ", not " + maxPoolSize);
        }
    }

    /** Settings with the default pool size. */
    public static DatabaseSettings of(String jdbcUrl, String user, String password) {
        return new DatabaseSettings(jdbcUrl, user, password, DEFAULT_POOL_SIZE);
    }

    @Override
    public String toString() {
        return "DatabaseSettings[jdbcUrl=" + JdbcUrls.redact(jdbcUrl) + ", user=" + user + ", maxPoolSize="
                + maxPoolSize + "]";
    }
}
