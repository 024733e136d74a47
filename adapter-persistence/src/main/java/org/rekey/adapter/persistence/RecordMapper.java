package org.rekey.adapter.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import org.rekey.domain.key.DataKeyId;
import org.rekey.domain.key.StoredValue;
import org.rekey.domain.record.EncryptedRecord;
import org.rekey.domain.record.RecordId;

/** Maps {@link EncryptedRecord} to and from its row. */
final class RecordMapper {

    private RecordMapper() {
    }

    static EncryptedRecord toDomain(RecordEntity row) {
        return EncryptedRecord.reconstitute(new RecordId(row.id), row.name, row.type, row.data, row.version,
                row.createdAt, row.updatedAt);
    }

    /** A row read with plain JDBC, columns as {@code RecordRepository.COLUMNS} lists them. */
    static EncryptedRecord toDomain(ResultSet row) throws SQLException {
        return EncryptedRecord.reconstitute(new RecordId(row.getString("id")), row.getString("name"),
                row.getString("type"), row.getString("data"), row.getLong("version"),
                row.getObject("created_at", OffsetDateTime.class).toInstant(),
                row.getObject("updated_at", OffsetDateTime.class).toInstant());
    }

    /** A new row at version 0. */
    static RecordEntity toNewEntity(EncryptedRecord record) {
        RecordEntity row = new RecordEntity();
        row.id = record.id().value();
        row.name = record.name();
        row.type = record.type();
        row.data = record.data();
        row.keyId = keyIdOf(record);
        row.version = 0;
        row.createdAt = record.createdAt();
        row.updatedAt = record.updatedAt();
        return row;
    }

    /** Copies what an update may change onto a managed row; JPA bumps its version on the flush. */
    static void copy(EncryptedRecord record, String keyId, RecordEntity row) {
        row.name = record.name();
        row.type = record.type();
        row.data = record.data();
        row.keyId = keyId;
        row.updatedAt = record.updatedAt();
    }

    /**
     * The {@code key_id} column: the key the value names, or null for a legacy value.
     *
     * @throws org.rekey.domain.error.RekeyException {@code MALFORMED_VALUE} for data that is no stored value
     */
    static String keyIdOf(EncryptedRecord record) {
        return StoredValue.parse(record.data()).keyId().map(DataKeyId::value).orElse(null);
    }
}
