package org.rekey.adapter.persistence.n8n;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.rekey.application.port.out.LoadSecretsPort;
import org.rekey.application.port.out.RewriteSecretsPort;
import org.rekey.application.port.out.SecretLocation;
import org.rekey.application.port.out.SecretRewrite;
import org.rekey.application.port.out.StoredSecret;
import org.rekey.domain.error.RekeyException;
import org.rekey.domain.key.DataKeyId;
import org.rekey.domain.key.KeyRef;
import org.rekey.domain.key.StoredValue;

/**
 * Every value n8n encrypts with its rotation-aware cipher, wherever it sits ({@link N8nSchema#SECRET_COLUMNS}).
 *
 * <p>Secrets are paged in location order. Tables keyed by one text id with one encrypted column (credentials,
 * the bulk of the data) are paged by the database ({@code id > ?}, byte order) and claimed with
 * {@code FOR UPDATE SKIP LOCKED} on PostgreSQL; the small tables (users, settings, providers) are read whole
 * and ordered here. Every write is a compare-and-set on the column's old content, so anything n8n writes
 * meanwhile wins: the rewrite of that value is reported as not written.
 */
public final class N8nSecretRepository implements LoadSecretsPort, RewriteSecretsPort {

    private static final Map<String, List<SecretColumn>> TABLES = N8nSchema.secretTables();
    /** Digits of a paged numeric row id: n8n's execution ids are PostgreSQL {@code integer}s, at most 10 digits. */
    static final int ROW_ID_DIGITS = 10;
    private static final int EXECUTION_ROWS_PER_PAGE = 20;

    private final N8nStore store;
    private final N8nSql sql;

    N8nSecretRepository(N8nStore store) {
        this.store = store;
        this.sql = store.sql();
    }

    @Override
    public List<StoredSecret> loadSecretsAfter(Optional<SecretLocation> after, int limit) {
        return collect("loading n8n's secrets", after, limit, value -> true, false);
    }

    @Override
    public List<StoredSecret> claimSecretsNotOn(KeyRef target, Optional<SecretLocation> after, int limit) {
        Objects.requireNonNull(target, "target");
        store.requireTransaction("claiming n8n's secrets");
        return collect("claiming n8n's secrets", after, limit, value -> !names(value, target), true);
    }

    private List<StoredSecret> collect(String action, Optional<SecretLocation> after, int limit,
            Predicate<String> wanted, boolean claim) {
        Objects.requireNonNull(after, "after");
        if (limit < 1) {
            throw RekeyException.invalid("the batch size must be at least 1, not " + limit);
        }
        N8nStore.SqlWork<List<StoredSecret>> work = connection -> {
            List<StoredSecret> found = new ArrayList<>();
            for (Map.Entry<String, List<SecretColumn>> table : TABLES.entrySet()) {
                if (after.isPresent() && table.getKey().compareTo(after.get().table()) < 0) {
                    continue;
                }
                Optional<SecretLocation> from = after.filter(a -> a.table().equals(table.getKey()));
                int room = limit - found.size();
                found.addAll(isPaged(table.getValue())
                        ? paged(connection, table.getValue().get(0), from, room, wanted, claim)
                        : whole(connection, table.getKey(), table.getValue(), from, room, wanted, claim));
                if (found.size() >= limit) {
                    break;
                }
            }
            return found;
        };
        return claim ? store.work(action, work) : store.read(action, work);
    }

    private static boolean isPaged(List<SecretColumn> columns) {
        SecretColumn only = columns.get(0);
        boolean oneTextValue = !only.numericKey() && only.layout() == SecretColumn.Layout.WHOLE;
        return columns.size() == 1 && only.keyColumns().size() == 1 && only.settingsKey().isEmpty()
                && (oneTextValue || only.layout() == SecretColumn.Layout.EXECUTION_DATA);
    }

    /**
     * A big table with one key column: the database pages, filters and locks. A text key is paged in byte order;
     * a numeric key (execution ids) in number order, its row id written with {@value #ROW_ID_DIGITS} digits so
     * that locations order the same way. A column with several values per row is split here, and paging resumes
     * inside the row of {@code after}.
     */
    private List<StoredSecret> paged(Connection connection, SecretColumn column, Optional<SecretLocation> after,
            int limit, Predicate<String> wanted, boolean claim) throws SQLException {
        String key = N8nSql.quote(column.keyColumns().get(0));
        String value = N8nSql.quote(column.column());
        String keyOrder = key + (column.numericKey() ? "" : sql.binary());
        List<String> markers = column.markers();
        String query = "SELECT " + key + ", " + value + " FROM " + sql.table(column.table()) + " WHERE " + value
                + " IS NOT NULL AND " + value + " <> ''" + N8nSql.containsAny(value, markers.size());
        String order = " ORDER BY " + keyOrder + " LIMIT ?" + (claim ? sql.lockSkippingLocked() : "");
        boolean pieces = column.layout() != SecretColumn.Layout.WHOLE;
        // Execution data rows can be megabytes each: fewer of them per round trip.
        int rowsPerPage = pieces ? EXECUTION_ROWS_PER_PAGE : Math.max(limit, 100);
        List<StoredSecret> found = new ArrayList<>();
        String last = after.map(SecretLocation::rowId).orElse(null);
        boolean sameRowToo = pieces && last != null;
        // Filtering by key in Java keeps the SQL the same on both databases; a page that filters out every row
        // moves the keyset forward and asks again (from then on with a lower bound, even when the first had none).
        while (found.size() < limit) {
            int page = 0;
            try (PreparedStatement select = connection.prepareStatement(query
                    + (last != null ? " AND " + keyOrder + (sameRowToo ? " >= ?" : " > ?") : "") + order)) {
                int parameter = 1;
                for (String marker : markers) {
                    select.setString(parameter++, "%" + marker + "%");
                }
                if (last != null && column.numericKey()) {
                    select.setLong(parameter++, Long.parseLong(last));
                } else if (last != null) {
                    select.setString(parameter++, last);
                }
                select.setInt(parameter, rowsPerPage);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next() && found.size() < limit) {
                        page++;
                        last = column.numericKey() ? numericRowId(rows.getLong(1)) : rows.getString(1);
                        String rowId = last;
                        String stored = rows.getString(2);
                        if (!pieces) {
                            if (wanted.test(stored)) {
                                found.add(new StoredSecret(new SecretLocation(column.table(), rowId, column.column()),
                                        stored));
                            }
                            continue;
                        }
                        new TreeMap<>(column.split(stored)).forEach((field, piece) -> {
                            SecretLocation location = new SecretLocation(column.table(), rowId, field);
                            if (found.size() < limit && after.map(a -> location.compareTo(a) > 0).orElse(true)
                                    && wanted.test(piece)) {
                                found.add(new StoredSecret(location, piece));
                            }
                        });
                    }
                }
            }
            sameRowToo = false;
            if (page < rowsPerPage && found.size() < limit) {
                break;
            }
        }
        return found;
    }

    /** A numeric key as a row id that orders as the number does. */
    static String numericRowId(long key) {
        return String.format("%0" + ROW_ID_DIGITS + "d", key);
    }

    /** A small table, read whole and ordered by location here. */
    private List<StoredSecret> whole(Connection connection, String table, List<SecretColumn> columns,
            Optional<SecretLocation> after, int limit, Predicate<String> wanted, boolean claim) throws SQLException {
        List<StoredSecret> found = new ArrayList<>();
        for (SecretColumn column : columns) {
            for (Map.Entry<String, String> row : rows(connection, column, claim).entrySet()) {
                column.split(row.getValue()).forEach((field, stored) -> {
                    SecretLocation location = new SecretLocation(table, row.getKey(), field);
                    if (after.map(a -> location.compareTo(a) > 0).orElse(true) && wanted.test(stored)) {
                        found.add(new StoredSecret(location, stored));
                    }
                });
            }
        }
        found.sort((a, b) -> a.location().compareTo(b.location()));
        return found.size() > limit ? new ArrayList<>(found.subList(0, limit)) : found;
    }

    /**
     * Row id to column content, for every row with content in {@code column}; for a claim, locking the rows
     * (skipping those another claimer holds) where the database has row locks.
     */
    private Map<String, String> rows(Connection connection, SecretColumn column, boolean claim) throws SQLException {
        String keys = column.keyColumns().stream().map(N8nSql::quote).collect(Collectors.joining(", "));
        String value = N8nSql.quote(column.column());
        String query = "SELECT " + keys + ", " + value + " FROM " + sql.table(column.table()) + " WHERE " + value
                + " IS NOT NULL" + (column.settingsKey().isPresent() ? " AND \"key\" = ?" : "")
                + (claim ? sql.lockSkippingLocked() : "");
        Map<String, String> rows = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement(query)) {
            if (column.settingsKey().isPresent()) {
                select.setString(1, column.settingsKey().get());
            }
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    List<String> id = new ArrayList<>();
                    for (int i = 1; i <= column.keyColumns().size(); i++) {
                        id.add(result.getString(i));
                    }
                    rows.put(String.join(",", id), result.getString(column.keyColumns().size() + 1));
                }
            }
        }
        return rows;
    }

    /** Every secret, parsed or not: one pass. */
    @Override
    public long countSecrets() {
        long[] count = {0};
        forEachSecret(stored -> count[0]++);
        return count[0];
    }

    @Override
    public Map<KeyRef, Long> countSecretsByKey() {
        Map<KeyRef, Long> counts = new HashMap<>();
        forEachSecret(stored -> keyOf(stored).ifPresent(key -> counts.merge(key, 1L, Long::sum)));
        return counts;
    }

    @Override
    public long countSecretsUsing(DataKeyId keyId) {
        return countSecretsByKey().getOrDefault(KeyRef.of(keyId), 0L);
    }

    private void forEachSecret(Consumer<String> action) {
        Optional<SecretLocation> after = Optional.empty();
        List<StoredSecret> page;
        do {
            page = loadSecretsAfter(after, 1000);
            page.forEach(secret -> action.accept(secret.value()));
            if (!page.isEmpty()) {
                after = Optional.of(page.get(page.size() - 1).location());
            }
        } while (page.size() == 1000);
    }

    private static Optional<KeyRef> keyOf(String stored) {
        try {
            return Optional.of(StoredValue.parse(stored).keyRef());
        } catch (RekeyException e) {
            return Optional.empty();
        }
    }

    private static boolean names(String stored, KeyRef target) {
        return keyOf(stored).filter(target::equals).isPresent();
    }

    @Override
    public List<SecretRewrite> rewriteSecrets(List<SecretRewrite> rewrites) {
        List<SecretRewrite> all = List.copyOf(Objects.requireNonNull(rewrites, "rewrites"));
        if (all.isEmpty()) {
            return List.of();
        }
        store.requireTransaction("rewriting n8n's secrets");
        Map<SecretColumn, Map<String, List<SecretRewrite>>> byRow = new LinkedHashMap<>();
        for (SecretRewrite rewrite : all) {
            SecretLocation location = rewrite.location();
            SecretColumn column = columnOf(location);
            byRow.computeIfAbsent(column, c -> new LinkedHashMap<>())
                    .computeIfAbsent(location.rowId(), r -> new ArrayList<>()).add(rewrite);
        }
        return store.work("rewriting n8n's secrets", connection -> {
            List<SecretRewrite> written = new ArrayList<>();
            for (Map.Entry<SecretColumn, Map<String, List<SecretRewrite>>> entry : byRow.entrySet()) {
                SecretColumn column = entry.getKey();
                if (column.layout() == SecretColumn.Layout.WHOLE) {
                    written.addAll(rewriteWhole(connection, column, entry.getValue()));
                } else {
                    for (List<SecretRewrite> row : entry.getValue().values()) {
                        written.addAll(rewritePieces(connection, column, row));
                    }
                }
            }
            return written;
        });
    }

    /**
     * n8n's session hash includes the first characters of a user's stored MFA secret, so moving it to or between
     * data keys ends that user's sessions (a legacy value always starts alike). Executions whose data n8n keeps
     * outside the database ({@code N8N_EXECUTION_DATA_STORAGE_MODE} filesystem, s3 or azure: {@code storedAt} is
     * not {@code db}) are out of rekey's reach: their pieces stay as they were.
     */
    @Override
    public List<String> noticesAfterRewriting(Map<String, Long> rewritten) {
        List<String> notices = new ArrayList<>();
        long mfa = rewritten.getOrDefault("user.mfaSecret", 0L);
        if (mfa > 0) {
            notices.add(mfa + " user(s) with two-factor login had their MFA secret"
                    + " re-encrypted: where its key id changed, n8n ends their sessions and they log in again");
        }
        long outside = store.read("counting executions stored outside the database", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM "
                    + sql.table("execution_entity") + " WHERE \"storedAt\" <> 'db'");
                    ResultSet result = select.executeQuery()) {
                return result.next() ? result.getLong(1) : 0L;
            }
        });
        if (outside > 0) {
            notices.add(outside + " execution(s) keep their data outside the database (N8N_EXECUTION_DATA_STORAGE_MODE"
                    + " filesystem, s3 or azure): rekey cannot rewrite the encrypted pieces in them. Those naming a"
                    + " data key stay readable; legacy ones (rotation off) stop being readable after"
                    + " `instance-key change`");
        }
        return notices;
    }

    private static SecretColumn columnOf(SecretLocation location) {
        return TABLES.getOrDefault(location.table(), List.of()).stream()
                .filter(column -> column.holds(location.rowId(), location.field()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no encrypted n8n column at " + location));
    }

    /** One JDBC batch of compare-and-set updates: the statements travel together. */
    private List<SecretRewrite> rewriteWhole(Connection connection, SecretColumn column,
            Map<String, List<SecretRewrite>> byRow) throws SQLException {
        String value = N8nSql.quote(column.column());
        List<SecretRewrite> batch = new ArrayList<>();
        byRow.values().forEach(batch::addAll);
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + sql.table(column.table()) + " SET "
                + value + " = ? WHERE " + keyCondition(column) + " AND " + value + " = ?")) {
            for (SecretRewrite rewrite : batch) {
                update.setString(1, rewrite.newValue());
                int next = bindKey(update, 2, column, rewrite.location().rowId());
                update.setString(next, rewrite.before().value());
                update.addBatch();
            }
            int[] counts = update.executeBatch();
            List<SecretRewrite> written = new ArrayList<>();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] > 0 || counts[i] == Statement.SUCCESS_NO_INFO) {
                    written.add(batch.get(i));
                }
            }
            return written;
        }
    }

    /** Several values in one column: read it (locked), replace the values still as read, write it back if unchanged. */
    private List<SecretRewrite> rewritePieces(Connection connection, SecretColumn column, List<SecretRewrite> row)
            throws SQLException {
        String rowId = row.get(0).location().rowId();
        String value = N8nSql.quote(column.column());
        String current;
        try (PreparedStatement select = connection.prepareStatement("SELECT " + value + " FROM "
                + sql.table(column.table()) + " WHERE " + keyCondition(column)
                + (sql.kind() == N8nDatabaseSettings.Kind.POSTGRES ? " FOR UPDATE" : ""))) {
            bindKey(select, 1, column, rowId);
            try (ResultSet result = select.executeQuery()) {
                current = result.next() ? result.getString(1) : null;
            }
        }
        if (current == null) {
            return List.of();
        }
        Map<String, String> pieces = column.split(current);
        Map<String, String> replacements = new LinkedHashMap<>();
        List<SecretRewrite> applied = new ArrayList<>();
        for (SecretRewrite rewrite : row) {
            if (rewrite.before().value().equals(pieces.get(rewrite.location().field()))) {
                replacements.put(rewrite.location().field(), rewrite.newValue());
                applied.add(rewrite);
            }
        }
        if (applied.isEmpty()) {
            return List.of();
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + sql.table(column.table()) + " SET "
                + value + " = ? WHERE " + keyCondition(column) + " AND " + value + " = ?")) {
            update.setString(1, column.join(current, replacements));
            int next = bindKey(update, 2, column, rowId);
            update.setString(next, current);
            return update.executeUpdate() > 0 ? applied : List.of();
        }
    }

    private static String keyCondition(SecretColumn column) {
        return N8nSql.keyCondition(column.keyColumns(), column.numericKey() || column.table().equals(N8nSchema.CREDENTIALS));
    }

    /** Binds the row id's parts; returns the next parameter index. */
    private static int bindKey(PreparedStatement statement, int first, SecretColumn column, String rowId)
            throws SQLException {
        String[] parts = rowId.split(",", -1);
        if (parts.length != column.keyColumns().size()) {
            throw new IllegalArgumentException("row id " + rowId + " does not fit the key of " + column.table());
        }
        int index = first;
        for (String part : parts) {
            if (column.numericKey()) {
                statement.setLong(index++, Long.parseLong(part));
            } else {
                statement.setString(index++, part);
            }
        }
        return index;
    }
}
