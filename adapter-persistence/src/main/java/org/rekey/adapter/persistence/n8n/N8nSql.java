package org.rekey.adapter.persistence.n8n;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.rekey.adapter.persistence.n8n.N8nDatabaseSettings.Kind;

/**
 * What differs between n8n's two databases, in one place: table names (with {@code DB_TABLE_PREFIX}, always
 * quoted, since n8n's columns are camelCase and {@code user} is reserved), timestamps ({@code timestamptz(3)}
 * on PostgreSQL, {@code datetime(3)} text in UTC on SQLite), ordering by id in byte order, and row locks.
 */
final class N8nSql {

    /** How n8n's SQLite driver writes a {@code datetime(3)}: {@code 2026-12-01 08:25:41.123}, UTC. */
    private static final DateTimeFormatter SQLITE_WRITE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    private static final DateTimeFormatter SQLITE_READ = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd")
            .optionalStart().appendLiteral(' ').optionalEnd()
            .optionalStart().appendLiteral('T').optionalEnd()
            .appendPattern("HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalStart().appendLiteral('Z').optionalEnd()
            .toFormatter();

    /** Collations (libc or built in) that order text by code point, as Java's {@code String} does for ids. */
    private static final Set<String> CODE_POINT_COLLATIONS = Set.of("c", "posix", "c.utf-8", "c.utf8", "ucs_basic");

    private final Kind kind;
    private final String prefix;
    private final boolean idsInCodePointOrder;

    N8nSql(Kind kind, String prefix) {
        this(kind, prefix, false);
    }

    private N8nSql(Kind kind, String prefix, boolean idsInCodePointOrder) {
        this.kind = kind;
        this.prefix = prefix;
        this.idsInCodePointOrder = idsInCodePointOrder;
    }

    /**
     * This dialect, told whether n8n's id columns (declared without a collation, so all in the database's) already
     * order by code point on PostgreSQL, as a database made with {@code C} or {@code C.UTF-8} does: then
     * {@link #binary()} adds nothing and the primary key index serves each page. Measured (scripts/bench-n8n.sh,
     * 10^5 credentials): with {@code COLLATE "C"} on such a database every page was a sequential scan and a sort
     * of the whole table, and counting plus re-encrypting took minutes instead of seconds.
     */
    N8nSql on(Connection connection) throws SQLException {
        if (kind != Kind.POSTGRES) {
            return this;
        }
        // to_jsonb: pg_database has datlocprovider (ICU or libc) only from PostgreSQL 15 on.
        try (PreparedStatement select = connection.prepareStatement("SELECT c.collname, c.collprovider,"
                + " c.collcollate, d.datcollate, to_jsonb(d) ->> 'datlocprovider'"
                + " FROM pg_attribute a JOIN pg_collation c ON c.oid = a.attcollation"
                + " JOIN pg_database d ON d.datname = current_database()"
                + " WHERE a.attrelid = to_regclass(?) AND a.attname = 'id'")) {
            select.setString(1, quote(tableName(N8nSchema.CREDENTIALS)));
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return this;
                }
                boolean byDefault = "default".equals(row.getString(1));
                String provider = byDefault ? Objects.requireNonNullElse(row.getString(5), "c") : row.getString(2);
                String collation = byDefault ? row.getString(4)
                        : Objects.requireNonNullElse(row.getString(3), row.getString(1));
                boolean codePoint = !"i".equals(provider) && collation != null
                        && CODE_POINT_COLLATIONS.contains(collation.toLowerCase(Locale.ROOT));
                return new N8nSql(kind, prefix, codePoint);
            }
        }
    }

    Kind kind() {
        return kind;
    }

    /** A table by n8n's name, prefixed and quoted. */
    String table(String name) {
        return quote(tableName(name));
    }

    /** A table's name in the database: n8n's name with {@code DB_TABLE_PREFIX}. */
    String tableName(String name) {
        return prefix + name;
    }

    static String quote(String identifier) {
        return '"' + identifier + '"';
    }

    /**
     * {@code "a" = ? AND "b" = ?} for a row's key. Text is compared as text ({@code CAST}) unless the key is
     * known to be plain: n8n's user ids are {@code uuid} on PostgreSQL, and a uuid does not compare to a string.
     */
    static String keyCondition(List<String> columns, boolean plain) {
        return columns.stream().map(k -> (plain ? quote(k) : "CAST(" + quote(k) + " AS TEXT)") + " = ?")
                .collect(Collectors.joining(" AND "));
    }

    /**
     * {@code  AND (c LIKE ? OR ...)} with one {@code ?} per word to look for in {@code column} (bound as
     * {@code %word%}); nothing for none.
     */
    static String containsAny(String column, int words) {
        if (words == 0) {
            return "";
        }
        return " AND (" + String.join(" OR ", Collections.nCopies(words, column + " LIKE ?")) + ")";
    }

    /** An ORDER BY / comparison suffix that makes text compare byte by byte, as Java's {@code String} does for ids. */
    String binary() {
        return kind == Kind.POSTGRES && !idsInCodePointOrder ? " COLLATE \"C\"" : "";
    }

    /** Row locks for a claim: PostgreSQL skips rows others hold; SQLite has no row locks (one writer at a time). */
    String lockSkippingLocked() {
        return kind == Kind.POSTGRES ? " FOR UPDATE SKIP LOCKED" : "";
    }

    void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        Instant millis = instant.truncatedTo(ChronoUnit.MILLIS);
        if (kind == Kind.POSTGRES) {
            statement.setObject(index, OffsetDateTime.ofInstant(millis, ZoneOffset.UTC));
        } else {
            statement.setString(index, SQLITE_WRITE.format(LocalDateTime.ofInstant(millis, ZoneOffset.UTC)));
        }
    }

    Instant getInstant(ResultSet row, String column) throws SQLException {
        if (kind == Kind.POSTGRES) {
            OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
            return value == null ? Instant.EPOCH : value.toInstant();
        }
        String text = row.getString(column);
        return text == null ? Instant.EPOCH : LocalDateTime.parse(text.strip(), SQLITE_READ).toInstant(ZoneOffset.UTC);
    }
}
