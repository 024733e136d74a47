package org.rekey.adapter.persistence.n8n;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.rekey.application.error.ApplicationErrorCode;
import org.rekey.application.port.out.BackupPort;
import org.rekey.application.port.out.RestorePort;
import org.rekey.domain.error.RekeyException;

/**
 * Backups of what rekey may change in n8n's database, and their restore. A backup is one JSON file in rekey's
 * user folder (mode 0600): every {@code deployment_key} row (value, algorithm, status, updatedAt) and the
 * content of every encrypted column of every row that has one, with the n8n instance id and table prefix it
 * belongs to. On SQLite a consistent copy of the whole file is made beside it ({@code VACUUM INTO}).
 *
 * <p>A restore writes every row back in one transaction, after checking that the file belongs to this
 * database and that every row in it still exists. Data keys created after the backup are made inactive (n8n
 * rows are never deleted) so that the restored active key is the only one. The rows it overwrites are backed
 * up first, so a restore can itself be undone.
 */
public final class N8nBackups implements BackupPort, RestorePort {

    static final String FORMAT = "rekey-n8n-backup";
    private static final int VERSION = 1;
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> KEY_COLUMNS = List.of("value", "algorithm", "status", "updatedAt");

    private final N8nStore store;
    private final N8nSql sql;
    /** The operation whose backup also keeps n8n's config file: after it, the file holds another key. */
    static final String INSTANCE_KEY_CHANGE = "instance-key-change";

    /** Rows read per round trip while backing up: a bounded heap whatever the size of the table. */
    private static final int FETCH_SIZE = 500;
    /** The same for execution data, whose rows can be megabytes each. */
    private static final int EXECUTION_FETCH_SIZE = 20;

    private final Path folder;
    private final Optional<Path> n8nConfig;
    private final Clock clock;

    /**
     * @param n8nConfig n8n's config file ({@code .n8n/config}); an instance-key change rewrites it, so its
     *     backup keeps the file as it was, old instance key included (the backup is as private as that file),
     *     and a restore puts it back: otherwise the old key, and with it the way back, would be lost
     */
    public N8nBackups(N8nStore store, Path folder, Optional<Path> n8nConfig, Clock clock) {
        this.store = store;
        this.sql = store.sql();
        this.folder = folder;
        this.n8nConfig = n8nConfig;
        this.clock = clock;
    }

    @Override
    public Optional<Backup> backUp(String operation) {
        Instant now = clock.instant();
        Path file = folder.resolve(FILE_TIME.format(now) + "-" + operation.replaceAll("[^A-Za-z0-9-]", "-")
                + ".json");
        N8nStore.SqlWork<Long> backup = connection -> {
            try {
                return write(connection, file, operation, now);
            } catch (IOException e) {
                throw new RekeyException(ApplicationErrorCode.STORAGE_FAILURE, "cannot write the backup " + file + ": "
                        + e.getMessage() + "; nothing was changed", e);
            }
        };
        // On PostgreSQL in a transaction of its own, so that the driver streams the rows (fetch size, below)
        // instead of holding every one in memory: measured by scripts/bench-n8n.sh, the live heap after a
        // collection was 192 MiB at 10^5 credentials against 37 MiB at 10^4 when the backup read them all at
        // once. Not on SQLite, where a transaction takes the write lock (and its driver streams anyway).
        long rows = sql.kind() == N8nDatabaseSettings.Kind.POSTGRES
                ? store.work("backing up n8n's secrets", backup)
                : store.read("backing up n8n's secrets", backup);
        Optional<String> copy = store.settings().sqliteFile().map(db -> copySqlite(file));
        return Optional.of(new Backup(file.toString(), rows, copy));
    }

    private long write(Connection connection, Path file, String operation, Instant now)
            throws IOException, SQLException {
        Files.createDirectories(folder);
        setPrivate(folder, "rwx------");
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        long rows = 0;
        try (OutputStream out = Files.newOutputStream(partial, StandardOpenOption.CREATE_NEW);
                JsonGenerator json = new JsonFactory().createGenerator(out)) {
            setPrivate(partial, "rw-------");
            json.writeStartObject();
            json.writeStringField("format", FORMAT);
            json.writeNumberField("version", VERSION);
            json.writeStringField("operation", operation);
            json.writeStringField("takenAt", now.toString());
            json.writeStringField("database", store.settings().describe());
            json.writeStringField("tablePrefix", store.settings().tablePrefix());
            json.writeStringField("instanceId", instanceId(connection).orElse(null));
            if (operation.equals(INSTANCE_KEY_CHANGE) && n8nConfig.isPresent() && Files.isRegularFile(n8nConfig.get())) {
                json.writeStringField("n8nConfig", Files.readString(n8nConfig.get(), StandardCharsets.UTF_8));
            }
            json.writeArrayFieldStart("rows");
            try (PreparedStatement select = connection.prepareStatement("SELECT \"id\", \"value\", \"algorithm\","
                    + " \"status\", \"updatedAt\" FROM " + sql.table(N8nSchema.DEPLOYMENT_KEY));
                    ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    writeRow(json, N8nSchema.DEPLOYMENT_KEY, Map.of("id", result.getString("id")), Map.of(
                            "value", text(result.getString("value")), "algorithm", text(result.getString("algorithm")),
                            "status", text(result.getString("status")),
                            "updatedAt", sql.getInstant(result, "updatedAt").toString()));
                    rows++;
                }
            }
            for (SecretColumn column : N8nSchema.SECRET_COLUMNS) {
                rows += writeColumn(connection, json, column);
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        Files.move(partial, file);
        return rows;
    }

    private static String text(String value) {
        return value == null ? "\u0000null" : value;
    }

    private static String untext(String value) {
        return "\u0000null".equals(value) ? null : value;
    }

    /**
     * Every row with content in the column; for execution data only the rows with an encrypted piece in them
     * (the only ones rekey may change), read a few at a time since each can be megabytes.
     */
    private long writeColumn(Connection connection, JsonGenerator json, SecretColumn column)
            throws SQLException, IOException {
        String keys = column.keyColumns().stream().map(N8nSql::quote).collect(Collectors.joining(", "));
        String value = N8nSql.quote(column.column());
        List<String> markers = column.markers();
        boolean pieces = column.layout() == SecretColumn.Layout.EXECUTION_DATA;
        try (PreparedStatement select = connection.prepareStatement("SELECT " + keys + ", " + value + " FROM "
                + sql.table(column.table()) + " WHERE " + value + " IS NOT NULL"
                + N8nSql.containsAny(value, markers.size())
                + (column.settingsKey().isPresent() ? " AND \"key\" = ?" : ""))) {
            select.setFetchSize(pieces ? EXECUTION_FETCH_SIZE : FETCH_SIZE);
            int parameter = 1;
            for (String marker : markers) {
                select.setString(parameter++, "%" + marker + "%");
            }
            if (column.settingsKey().isPresent()) {
                select.setString(parameter, column.settingsKey().get());
            }
            long rows = 0;
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    String content = result.getString(column.keyColumns().size() + 1);
                    if (pieces && column.split(content).isEmpty()) {
                        continue;
                    }
                    Map<String, String> key = new LinkedHashMap<>();
                    for (int i = 0; i < column.keyColumns().size(); i++) {
                        key.put(column.keyColumns().get(i), result.getString(i + 1));
                    }
                    writeRow(json, column.table(), key, Map.of(column.column(), content));
                    rows++;
                }
            }
            return rows;
        }
    }

    private static void writeRow(JsonGenerator json, String table, Map<String, String> key,
            Map<String, String> columns) throws IOException {
        json.writeStartObject();
        json.writeStringField("table", table);
        json.writeObjectFieldStart("key");
        for (Map.Entry<String, String> part : key.entrySet()) {
            json.writeStringField(part.getKey(), part.getValue());
        }
        json.writeEndObject();
        json.writeObjectFieldStart("columns");
        for (Map.Entry<String, String> column : columns.entrySet()) {
            json.writeStringField(column.getKey(), column.getValue());
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    private String copySqlite(Path backup) {
        Path copy = backup.resolveSibling(backup.getFileName().toString().replaceAll("\\.json$", "") + ".sqlite");
        store.read("copying n8n's SQLite database", connection -> {
            try (PreparedStatement vacuum = connection.prepareStatement("VACUUM INTO ?")) {
                vacuum.setString(1, copy.toString());
                vacuum.execute();
            }
            return null;
        });
        setPrivate(copy, "rw-------");
        return copy.toString();
    }

    private Optional<String> instanceId(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT \"value\" FROM "
                + sql.table(N8nSchema.DEPLOYMENT_KEY) + " WHERE \"type\" = 'instance.id'");
                ResultSet result = select.executeQuery()) {
            return result.next() ? Optional.ofNullable(result.getString(1)) : Optional.empty();
        }
    }

    @Override
    public Restored restore(String path) {
        Path file = Path.of(path);
        Backup before = backUp("before-restore").orElseThrow();
        return store.transactions().inTransaction(() -> store.work("restoring a backup", connection -> {
            try (InputStream in = Files.newInputStream(file)) {
                return restore(connection, file, in, before);
            } catch (NoSuchFileException e) {
                throw new RekeyException(ApplicationErrorCode.BACKUP_MISMATCH, "there is no backup at " + file, e);
            } catch (IOException e) {
                throw new RekeyException(ApplicationErrorCode.BACKUP_MISMATCH, file + " is not a readable rekey backup of n8n's"
                        + " database (" + e.getClass().getSimpleName() + "); nothing was changed", e);
            }
        }));
    }

    private Restored restore(Connection connection, Path file, InputStream in, Backup before)
            throws IOException, SQLException {
        Map<String, String> header = new LinkedHashMap<>();
        Restored restored = restoreRows(connection, file, in, before, header);
        Optional.ofNullable(header.get("n8nConfig")).ifPresent(this::restoreConfig);
        return restored;
    }

    private Restored restoreRows(Connection connection, Path file, InputStream in, Backup before,
            Map<String, String> header) throws IOException, SQLException {
        String operation = null;
        String takenAt = null;
        long rows = 0;
        try (JsonParser json = new JsonFactory().createParser(in)) {
            json.setCodec(JSON);
            expect(json.nextToken() == JsonToken.START_OBJECT, file, "it is not a JSON object");
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                json.nextToken();
                if (field.equals("rows")) {
                    checkHeader(connection, file, header);
                    expect(!header.containsKey("n8nConfig") || n8nConfig.isPresent(), file, "it keeps n8n's"
                            + " config file, and no n8n config file is known here");
                    demoteActiveKeys(connection);
                    operation = header.get("operation");
                    takenAt = header.get("takenAt");
                    expect(json.currentToken() == JsonToken.START_ARRAY, file, "its rows are not a list");
                    while (json.nextToken() == JsonToken.START_OBJECT) {
                        JsonNode row = json.readValueAsTree();
                        restoreRow(connection, file, row);
                        rows++;
                    }
                } else {
                    header.put(field, json.currentToken() == JsonToken.VALUE_NULL ? null : json.getValueAsString());
                }
            }
        }
        expect(operation != null, file, "it holds no rows");
        return new Restored(rows, operation, takenAt, before);
    }

    /** Puts n8n's config file back as the backup kept it (mode 0600), so n8n starts with the key of that time. */
    private void restoreConfig(String contents) {
        Path target = n8nConfig.orElseThrow();
        try {
            Path temp = Files.createTempFile(target.getParent(), "config", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temp, contents, StandardCharsets.UTF_8);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new RekeyException(ApplicationErrorCode.STORAGE_FAILURE, "the rows were restored, but n8n's config file "
                    + target + " could not be: " + e.getMessage() + "; put the key of the backup there by hand", e);
        }
    }

    private void checkHeader(Connection connection, Path file, Map<String, String> header) throws SQLException {
        expect(FORMAT.equals(header.get("format")), file, "it is not a rekey backup of n8n's database");
        expect(String.valueOf(VERSION).equals(header.get("version")), file, "its format version "
                + header.get("version") + " is not " + VERSION);
        expect(store.settings().tablePrefix().equals(header.get("tablePrefix")), file, "it was taken with"
                + " DB_TABLE_PREFIX '" + header.get("tablePrefix") + "', this database uses '"
                + store.settings().tablePrefix() + "'");
        Optional<String> here = instanceId(connection);
        expect(here.equals(Optional.ofNullable(header.get("instanceId"))), file, "it belongs to another n8n"
                + " instance (its instance id differs from this database's)");
    }

    private void restoreRow(Connection connection, Path file, JsonNode row) throws SQLException {
        String table = row.path("table").asText();
        JsonNode key = row.path("key");
        JsonNode columns = row.path("columns");
        boolean known = table.equals(N8nSchema.DEPLOYMENT_KEY)
                || N8nSchema.SECRET_COLUMNS.stream().anyMatch(c -> c.table().equals(table));
        expect(known && key.isObject() && columns.isObject() && key.size() > 0, file, "a row names table '" + table
                + "', which rekey does not back up");
        List<String> names = new ArrayList<>();
        columns.fieldNames().forEachRemaining(names::add);
        List<String> keyNames = new ArrayList<>();
        key.fieldNames().forEachRemaining(keyNames::add);
        for (String name : concat(names, keyNames)) {
            expect(name.matches("[A-Za-z_][A-Za-z0-9_]*"), file, "a column name is not a plain identifier");
        }
        boolean numeric = N8nSchema.SECRET_COLUMNS.stream().anyMatch(c -> c.table().equals(table) && c.numericKey());
        String update = "UPDATE " + sql.table(table) + " SET "
                + names.stream().map(n -> N8nSql.quote(n) + " = ?").collect(Collectors.joining(", "))
                + " WHERE " + N8nSql.keyCondition(keyNames, numeric || table.equals(N8nSchema.DEPLOYMENT_KEY)
                        || table.equals(N8nSchema.CREDENTIALS));
        try (PreparedStatement statement = connection.prepareStatement(update)) {
            int index = 1;
            for (String name : names) {
                String value = untext(columns.path(name).asText());
                if (name.equals("updatedAt")) {
                    sql.setInstant(statement, index++, Instant.parse(value));
                } else {
                    statement.setString(index++, value);
                }
            }
            for (String name : keyNames) {
                String value = key.path(name).asText();
                if (numeric) {
                    statement.setLong(index++, Long.parseLong(value));
                } else {
                    statement.setString(index++, value);
                }
            }
            expect(statement.executeUpdate() == 1, file, "row " + key + " of " + table + " is no longer in the"
                    + " database (deleted since the backup)");
        }
    }

    /**
     * Every active data key becomes inactive before the backed-up statuses are written back, so the one active
     * key of the backup is never a second one; a key created since the backup stays inactive (never deleted).
     */
    private void demoteActiveKeys(Connection connection) throws SQLException {
        try (PreparedStatement demote = connection.prepareStatement("UPDATE " + sql.table(N8nSchema.DEPLOYMENT_KEY)
                + " SET \"status\" = 'inactive', \"updatedAt\" = ? WHERE \"type\" = 'data_encryption'"
                + " AND \"status\" = 'active'")) {
            sql.setInstant(demote, 1, clock.instant());
            demote.executeUpdate();
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static void expect(boolean condition, Path file, String reason) {
        if (!condition) {
            throw new RekeyException(ApplicationErrorCode.BACKUP_MISMATCH, file + " does not match this database: " + reason
                    + "; nothing was changed");
        }
    }

    private static void setPrivate(Path path, String permissions) {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException | IOException e) {
            throw new RekeyException(ApplicationErrorCode.STORAGE_FAILURE, "cannot make " + path + " private: " + e.getMessage(), e);
        }
    }
}
