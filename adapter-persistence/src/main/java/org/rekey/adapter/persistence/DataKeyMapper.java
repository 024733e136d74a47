package org.rekey.adapter.persistence;

import org.rekey.domain.key.DataKey;
import org.rekey.domain.key.DataKeyId;
import org.rekey.domain.key.KeyAlgorithm;
import org.rekey.domain.key.KeyStatus;
import org.rekey.domain.key.KeyType;

/** Maps {@link DataKey} to and from its row. */
final class DataKeyMapper {

    private DataKeyMapper() {
    }

    static DataKey toDomain(DataKeyEntity row) {
        return DataKey.reconstitute(new DataKeyId(row.id), KeyType.fromWire(row.type),
                KeyAlgorithm.fromWire(row.algorithm), KeyStatus.fromWire(row.status), row.value, row.createdAt,
                row.updatedAt);
    }

    static DataKeyEntity toEntity(DataKey key) {
        DataKeyEntity row = new DataKeyEntity();
        row.id = key.id().value();
        copy(key, row);
        return row;
    }

    /** Copies everything but the id. */
    static void copy(DataKey key, DataKeyEntity row) {
        row.type = key.type().wireName();
        row.value = key.wrappedValue();
        row.algorithm = key.algorithm().wireName();
        row.status = key.status().wireName();
        row.createdAt = key.createdAt();
        row.updatedAt = key.updatedAt();
    }
}
