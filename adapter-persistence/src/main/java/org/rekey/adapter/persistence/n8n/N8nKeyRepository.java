package org.rekey.adapter.persistence.n8n;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.rekey.application.error.ApplicationErrorCode;
import org.rekey.application.port.out.LoadDataKeysPort;
import org.rekey.application.port.out.SaveDataKeysPort;
import org.rekey.application.port.out.SecretLocation;
import org.rekey.application.port.out.SecretRewrite;
import org.rekey.application.port.out.StoredSecret;
import org.rekey.application.port.out.WrappedSecretsPort;
import org.rekey.domain.error.ErrorCode;
import org.rekey.domain.error.RekeyException;
import org.rekey.domain.key.DataKey;
import org.rekey.domain.key.DataKeyId;
import org.rekey.domain.key.KeyAlgorithm;
import org.rekey.domain.key.KeyStatus;
import org.rekey.domain.key.KeyType;

/**
 * n8n's {@code deployment_key} table. Rows of type {@code data_encryption} are the data keys; rows of the
 * other types (signing keys, the JWE key) are secrets wrapped by the instance key. n8n never deletes a row
 * and knows no tombstone status, so a data key is never destroyed here.
 */
public final class N8nKeyRepository implements LoadDataKeysPort, SaveDataKeysPort, WrappedSecretsPort {

    private static final String DATA_ENCRYPTION = KeyType.DATA_ENCRYPTION.wireName();
    private static final String COLUMNS = "\"id\", \"type\", \"value\", \"algorithm\", \"status\", \"createdAt\","
            + " \"updatedAt\"";

    private final N8nStore store;
    private final N8nSql sql;

    N8nKeyRepository(N8nStore store) {
        this.store = store;
        this.sql = store.sql();
    }

    @Override
    public List<DataKey> loadDataKeys() {
        return store.read("loading data keys", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM "
                    + sql.table(N8nSchema.DEPLOYMENT_KEY) + " WHERE \"type\" = ?")) {
                select.setString(1, DATA_ENCRYPTION);
                List<DataKey> keys = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        keys.add(toDataKey(rows));
                    }
                }
                return keys;
            }
        });
    }

    private DataKey toDataKey(ResultSet row) throws SQLException {
        String id = row.getString("id");
        String algorithm = row.getString("algorithm");
        if (algorithm == null) {
            throw new RekeyException(ApplicationErrorCode.SCHEMA_MISMATCH, "n8n's data key " + id + " has no algorithm: it is"
                    + " in a format older than n8n " + N8nSchema.N8N_VERSION + ", which n8n repairs when it starts;"
                    + " start n8n " + N8nSchema.N8N_VERSION + " once, then run rekey again");
        }
        return DataKey.reconstitute(new DataKeyId(id), KeyType.DATA_ENCRYPTION, KeyAlgorithm.fromWire(algorithm),
                KeyStatus.fromWire(row.getString("status")), row.getString("value"),
                sql.getInstant(row, "createdAt"), sql.getInstant(row, "updatedAt"));
    }

    /**
     * Updates existing rows and inserts new ones, in list order, each statement executed before the next: the
     * demotion of the old active key reaches n8n's partial unique index before the new active key does.
     */
    @Override
    public void saveDataKeys(List<DataKey> changed) {
        List<DataKey> keys = List.copyOf(Objects.requireNonNull(changed, "changed"));
        for (DataKey key : keys) {
            if (key.status() == KeyStatus.DESTROYED) {
                throw new RekeyException(ApplicationErrorCode.NOT_SUPPORTED, "n8n never deletes a deployment_key row and"
                        + " has no 'destroyed' status: a destroyed key would make n8n fail on the row, so rekey"
                        + " does not destroy keys in n8n's database. An inactive key that no value names is"
                        + " harmless; nothing was changed");
            }
        }
        store.work("saving data keys", connection -> {
            String table = sql.table(N8nSchema.DEPLOYMENT_KEY);
            try (PreparedStatement update = connection.prepareStatement("UPDATE " + table + " SET \"value\" = ?,"
                    + " \"algorithm\" = ?, \"status\" = ?, \"updatedAt\" = ? WHERE \"id\" = ? AND \"type\" = ?");
                    PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table + " (" + COLUMNS
                            + ") VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (DataKey key : keys) {
                    update.setString(1, key.wrappedValue());
                    update.setString(2, key.algorithm().wireName());
                    update.setString(3, key.status().wireName());
                    sql.setInstant(update, 4, key.updatedAt());
                    update.setString(5, key.id().value());
                    update.setString(6, DATA_ENCRYPTION);
                    if (update.executeUpdate() == 0) {
                        insert.setString(1, key.id().value());
                        insert.setString(2, DATA_ENCRYPTION);
                        insert.setString(3, key.wrappedValue());
                        insert.setString(4, key.algorithm().wireName());
                        insert.setString(5, key.status().wireName());
                        sql.setInstant(insert, 6, key.createdAt());
                        sql.setInstant(insert, 7, key.updatedAt());
                        insert.executeUpdate();
                    }
                }
            } catch (SQLException e) {
                throw translate(e);
            }
            return null;
        });
    }

    private RekeyException translate(SQLException e) {
        if (isUniqueViolation(e)) {
            return new RekeyException(ErrorCode.ROTATION_CONFLICT, "n8n or another instance changed the active data"
                    + " key at the same moment; nothing was saved, retry with the keys as they are now", e);
        }
        if (org.rekey.adapter.persistence.StorageErrors.lostRace(e)) {
            return new RekeyException(ErrorCode.ROTATION_CONFLICT, "the data keys were locked by another writer;"
                    + " nothing was saved, retry", e);
        }
        return new RekeyException(ApplicationErrorCode.STORAGE_FAILURE, "database failure while saving data keys in "
                + store.settings().describe() + " (SQLState " + e.getSQLState() + ")", e);
    }

    private static boolean isUniqueViolation(SQLException e) {
        // PostgreSQL: 23505; SQLite: SQLITE_CONSTRAINT_UNIQUE (2067) or _PRIMARYKEY (1555).
        return "23505".equals(e.getSQLState()) || e.getErrorCode() == 2067 || e.getErrorCode() == 1555
                || (e.getMessage() != null && e.getMessage().contains("SQLITE_CONSTRAINT_UNIQUE"));
    }

    /** Rows of every type but {@code data_encryption} whose value is protected (n8n's null algorithm means plain text). */
    @Override
    public List<StoredSecret> loadWrappedSecrets() {
        return store.read("loading n8n's wrapped secrets", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT \"id\", \"value\" FROM "
                    + sql.table(N8nSchema.DEPLOYMENT_KEY) + " WHERE \"type\" <> ? AND \"algorithm\" IS NOT NULL")) {
                select.setString(1, DATA_ENCRYPTION);
                List<StoredSecret> secrets = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        secrets.add(new StoredSecret(new SecretLocation(N8nSchema.DEPLOYMENT_KEY,
                                rows.getString("id"), "value"), rows.getString("value")));
                    }
                }
                return secrets;
            }
        });
    }

    @Override
    public List<SecretRewrite> rewrapSecrets(List<SecretRewrite> rewrites) {
        List<SecretRewrite> all = List.copyOf(Objects.requireNonNull(rewrites, "rewrites"));
        store.requireTransaction("re-wrapping n8n's secrets");
        return store.work("re-wrapping n8n's secrets", connection -> {
            List<SecretRewrite> written = new ArrayList<>();
            try (PreparedStatement update = connection.prepareStatement("UPDATE "
                    + sql.table(N8nSchema.DEPLOYMENT_KEY) + " SET \"value\" = ? WHERE \"id\" = ? AND \"value\" = ?"
                    + " AND \"type\" <> ?")) {
                for (SecretRewrite rewrite : all) {
                    update.setString(1, rewrite.newValue());
                    update.setString(2, rewrite.location().rowId());
                    update.setString(3, rewrite.before().value());
                    update.setString(4, DATA_ENCRYPTION);
                    if (update.executeUpdate() > 0) {
                        written.add(rewrite);
                    }
                }
            }
            return written;
        });
    }
}
