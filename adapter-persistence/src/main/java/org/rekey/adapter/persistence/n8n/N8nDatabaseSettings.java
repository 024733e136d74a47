package org.rekey.adapter.persistence.n8n;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.rekey.adapter.persistence.JdbcUrls;
import org.rekey.domain.error.RekeyException;

/**
 * How to reach the database of an n8n instance, as n8n's own environment describes it: PostgreSQL or a
 * SQLite file, and the table prefix ({@code DB_TABLE_PREFIX}). {@link #toString()} hides the password.
 */
public record N8nDatabaseSettings(Kind kind, String jdbcUrl, String user, String password, String tablePrefix,
        Optional<Path> sqliteFile) {

    /** n8n's {@code DB_TYPE}: {@code postgresdb} or {@code sqlite}. */
    public enum Kind { POSTGRES, SQLITE }

    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9_]{0,32}");

    public N8nDatabaseSettings {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(sqliteFile, "sqliteFile");
        tablePrefix = tablePrefix == null ? "" : tablePrefix;
        if (!PREFIX.matcher(tablePrefix).matches()) {
            throw RekeyException.invalid("DB_TABLE_PREFIX may hold only letters, digits and '_' (at most 32)");
        }
    }

    /** n8n's PostgreSQL: {@code jdbcUrl} already carries host, port, database, schema and SSL settings. */
    public static N8nDatabaseSettings postgres(String jdbcUrl, String user, String password, String tablePrefix) {
        return new N8nDatabaseSettings(Kind.POSTGRES, jdbcUrl, user, password, tablePrefix, Optional.empty());
    }

    /** n8n's SQLite file (WAL mode); rekey waits up to its busy timeout while n8n holds the write lock. */
    public static N8nDatabaseSettings sqlite(Path file, String tablePrefix) {
        return new N8nDatabaseSettings(Kind.SQLITE, "jdbc:sqlite:" + file.toAbsolutePath(), null, null, tablePrefix,
                Optional.of(file.toAbsolutePath()));
    }

    /** Where the database is, for messages: the redacted URL or the SQLite file. */
    public String describe() {
        return sqliteFile.map(file -> "n8n's SQLite database " + file)
                .orElseGet(() -> "n8n's PostgreSQL database " + JdbcUrls.redact(jdbcUrl));
    }

    @Override
    public String toString() {
        return "N8nDatabaseSettings[" + describe() + ", tablePrefix=" + tablePrefix + "]";
    }
}
