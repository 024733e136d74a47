package org.rekey.benchmarks.n8n;

import java.io.IOException;
import java.io.StringReader;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.PGConnection;
import org.rekey.benchmarks.CredentialJson;
import org.rekey.domain.key.DataKey;
import org.rekey.domain.key.DataKeyId;
import org.rekey.domain.key.InstanceKey;
import org.rekey.domain.key.KeyAlgorithm;
import org.rekey.domain.key.KeyStatus;
import org.rekey.domain.key.KeyType;
import org.rekey.domain.key.Keyring;
import org.rekey.domain.key.WriteFormat;

/**
 * The data of {@code scripts/bench-n8n.sh} in n8n's own PostgreSQL schema (the current schema of the
 * connection): the keyring from n8n's {@code deployment_key} rows, credentials made with rekey's domain
 * API and loaded with {@code COPY}, and a rotation done as n8n does it (one transaction: the active key
 * demoted to {@code inactive}, a new active {@code aes-256-gcm} row inserted).
 */
public final class N8nBenchData {

    private static final String DATA_ENCRYPTION = KeyType.DATA_ENCRYPTION.wireName();

    private N8nBenchData() {
    }

    /** The {@code data_encryption} rows of {@code deployment_key}, unwrapped with the instance key. */
    public static Keyring keyring(Connection connection, InstanceKey instanceKey) throws SQLException {
        List<DataKey> keys = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT id, algorithm, status, value,"
                + " \"createdAt\", \"updatedAt\" FROM deployment_key WHERE type = ?")) {
            select.setString(1, DATA_ENCRYPTION);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    keys.add(DataKey.reconstitute(new DataKeyId(rows.getString(1)), KeyType.DATA_ENCRYPTION,
                            KeyAlgorithm.fromWire(rows.getString(2)), KeyStatus.fromWire(rows.getString(3)),
                            rows.getString(4), rows.getObject(5, OffsetDateTime.class).toInstant(),
                            rows.getObject(6, OffsetDateTime.class).toInstant()));
                }
            }
        }
        return Keyring.reconstitute(instanceKey, keys);
    }

    /** The 1 KiB credential JSON of row {@code index}: {@link CredentialJson#oneKib()} with the index in it. */
    public static String credential(int index) {
        String json = CredentialJson.oneKib();
        int at = json.indexOf("ya29.") + "ya29.".length();
        return json.substring(0, at) + String.format("%010d", index) + json.substring(at + 10);
    }

    /** The id of row {@code index}: 16 characters, as n8n's ids are. */
    public static String id(int index) {
        return String.format("bench%011d", index);
    }

    /**
     * Inserts {@code count} credentials, each {@link #credential} encrypted by {@code keyring}: every
     * {@code legacyEvery}-th in the legacy CBC format (0: none), the others under the active key.
     */
    public static void seed(Connection connection, Keyring keyring, int count, int legacyEvery)
            throws SQLException, IOException {
        int chunk = 10_000;
        for (int from = 0; from < count; from += chunk) {
            StringBuilder rows = new StringBuilder(chunk * 1700);
            for (int i = from; i < Math.min(count, from + chunk); i++) {
                boolean legacy = legacyEvery > 0 && i % legacyEvery == 0;
                String value = keyring.encrypt(credential(i), legacy ? WriteFormat.LEGACY : WriteFormat.ACTIVE_KEY);
                // Base64 and ids hold no tab, newline or backslash: COPY's text format needs no escaping.
                rows.append(id(i)).append('\t').append("bench ").append(i).append('\t').append("httpBasicAuth")
                        .append('\t').append(value).append('\n');
            }
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "COPY credentials_entity (id, name, type, data) FROM STDIN", new StringReader(rows.toString()));
        }
    }

    /** Rotates as n8n does, in one transaction; returns the new active key's id. */
    public static String rotate(Connection connection, Keyring keyring, Instant now) throws SQLException {
        DataKey current = keyring.activeKey().orElseThrow(() -> new SQLException("deployment_key has no active key"));
        DataKey created = keyring.rotate(now, new SecureRandom()).activated().orElseThrow();
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        try (PreparedStatement demote = connection.prepareStatement("UPDATE deployment_key SET status = 'inactive',"
                + " \"updatedAt\" = ? WHERE id = ? AND status = 'active'");
                PreparedStatement insert = connection.prepareStatement("INSERT INTO deployment_key (id, type, value,"
                        + " algorithm, status, \"createdAt\", \"updatedAt\") VALUES (?, ?, ?, ?, 'active', ?, ?)")) {
            demote.setObject(1, at);
            demote.setString(2, current.id().value());
            if (demote.executeUpdate() != 1) {
                throw new SQLException("the active key " + current.id() + " changed meanwhile");
            }
            insert.setString(1, created.id().value());
            insert.setString(2, DATA_ENCRYPTION);
            insert.setString(3, created.wrappedValue());
            insert.setString(4, created.algorithm().wireName());
            insert.setObject(5, at);
            insert.setObject(6, at);
            insert.executeUpdate();
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        return created.id().value();
    }
}
