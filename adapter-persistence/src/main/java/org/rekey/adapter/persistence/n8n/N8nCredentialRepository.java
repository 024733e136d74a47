package org.rekey.adapter.persistence.n8n;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.rekey.application.error.ApplicationErrorCode;
import org.rekey.application.port.out.LoadRecordsPort;
import org.rekey.application.port.out.SaveRecordPort;
import org.rekey.domain.error.RekeyException;
import org.rekey.domain.record.EncryptedRecord;
import org.rekey.domain.record.RecordId;

/**
 * n8n's credentials ({@code credentials_entity}), read as records. n8n owns them: they belong to projects
 * and are shared through tables rekey does not model, so rekey reads them and re-encrypts their data in
 * place ({@link N8nSecretRepository}), but never creates, edits or deletes one. n8n has no version column;
 * a record read here is at version 0.
 */
public final class N8nCredentialRepository implements LoadRecordsPort, SaveRecordPort {

    private static final String COLUMNS = "\"id\", \"name\", \"type\", \"data\", \"createdAt\", \"updatedAt\"";

    private final N8nStore store;
    private final N8nSql sql;

    N8nCredentialRepository(N8nStore store) {
        this.store = store;
        this.sql = store.sql();
    }

    @Override
    public Optional<EncryptedRecord> loadRecord(RecordId id) {
        Objects.requireNonNull(id, "id");
        return store.read("loading a credential", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM " + table()
                    + " WHERE \"id\" = ?")) {
                select.setString(1, id.value());
                List<EncryptedRecord> found = records(select);
                return found.stream().findFirst();
            }
        });
    }

    @Override
    public List<EncryptedRecord> listRecords(int skip, Integer take) {
        if (skip < 0 || (take != null && take < 0)) {
            throw RekeyException.invalid("skip and take must not be negative");
        }
        return store.read("listing credentials", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM " + table()
                    + " ORDER BY \"createdAt\", \"id\"" + sql.binary() + " LIMIT ? OFFSET ?")) {
                select.setLong(1, take == null ? Long.MAX_VALUE : take);
                select.setInt(2, skip);
                return records(select);
            }
        });
    }

    @Override
    public long countRecords() {
        return store.read("counting credentials", connection -> {
            try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM " + table());
                    ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        });
    }

    @Override
    public List<EncryptedRecord> loadRecordsAfter(Optional<RecordId> after, int limit) {
        Objects.requireNonNull(after, "after");
        if (limit < 1) {
            throw RekeyException.invalid("the batch size must be at least 1, not " + limit);
        }
        return store.read("loading credentials", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM " + table()
                    + (after.isPresent() ? " WHERE \"id\"" + sql.binary() + " > ?" : "")
                    + " ORDER BY \"id\"" + sql.binary() + " LIMIT ?")) {
                int parameter = 1;
                if (after.isPresent()) {
                    select.setString(parameter++, after.get().value());
                }
                select.setInt(parameter, limit);
                return records(select);
            }
        });
    }

    private List<EncryptedRecord> records(PreparedStatement select) throws SQLException {
        List<EncryptedRecord> records = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                records.add(EncryptedRecord.reconstitute(new RecordId(rows.getString("id")), rows.getString("name"),
                        rows.getString("type"), Objects.requireNonNullElse(rows.getString("data"), ""), 0,
                        sql.getInstant(rows, "createdAt"), sql.getInstant(rows, "updatedAt")));
            }
        }
        return records;
    }

    private String table() {
        return sql.table(N8nSchema.CREDENTIALS);
    }

    @Override
    public void insertRecord(EncryptedRecord record) {
        throw ownedByN8n("created");
    }

    @Override
    public EncryptedRecord updateRecord(EncryptedRecord record) {
        throw ownedByN8n("changed");
    }

    @Override
    public void deleteRecord(RecordId id) {
        throw ownedByN8n("deleted");
    }

    private static RekeyException ownedByN8n(String what) {
        return new RekeyException(ApplicationErrorCode.NOT_SUPPORTED, "n8n owns its credentials (they belong to projects and"
                + " are shared through tables rekey does not touch): with REKEY_STORE=n8n a credential is " + what
                + " in n8n, and rekey only reads credentials and re-encrypts their data in place; nothing was changed");
    }
}
