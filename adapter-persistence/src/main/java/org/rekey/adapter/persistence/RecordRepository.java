package org.rekey.adapter.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.hibernate.Session;
import org.rekey.application.port.out.ClaimRecordsPort;
import org.rekey.application.port.out.LoadRecordsPort;
import org.rekey.application.port.out.SaveRecordPort;
import org.rekey.domain.error.ErrorCode;
import org.rekey.domain.error.RekeyException;
import org.rekey.domain.key.DataKeyId;
import org.rekey.domain.record.EncryptedRecord;
import org.rekey.domain.record.RecordId;

/**
 * Encrypted records in {@code credentials_entity}. Updates use an explicit optimistic lock
 * ({@code ... WHERE id = ? AND version = ?}); every read detaches its rows, so a long transaction
 * paging through many records keeps no rows in memory.
 */
public final class RecordRepository implements LoadRecordsPort, SaveRecordPort, ClaimRecordsPort {

    private static final String COLUMNS = "id, name, type, data, key_id, version, created_at, updated_at";

    private final ThreadBoundTransactions transactions;

    RecordRepository(ThreadBoundTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public Optional<EncryptedRecord> loadRecord(RecordId id) {
        Objects.requireNonNull(id, "id");
        return transactions.readJdbc(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + COLUMNS + " FROM credentials_entity WHERE id = ?")) {
                select.setString(1, id.value());
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(RecordMapper.toDomain(row)) : Optional.<EncryptedRecord>empty();
                }
            }
        }, "loading a record");
    }

    @Override
    public List<EncryptedRecord> listRecords(int skip, Integer take) {
        if (skip < 0 || (take != null && take < 0)) {
            throw RekeyException.invalid("skip and take must not be negative");
        }
        if (take != null && take == 0) {
            return List.of();
        }
        return transactions.call(em -> {
            TypedQuery<RecordEntity> query = em.createQuery(
                    "select r from RecordEntity r order by r.createdAt, r.id", RecordEntity.class)
                    .setFirstResult(skip);
            if (take != null) {
                query.setMaxResults(take);
            }
            return detachAll(em, query.getResultList());
        }, e -> StorageErrors.failure("listing records", e));
    }

    @Override
    public long countRecords() {
        return transactions.call(em -> em.createQuery("select count(r) from RecordEntity r", Long.class)
                .getSingleResult(), e -> StorageErrors.failure("counting records", e));
    }

    @Override
    public List<EncryptedRecord> loadRecordsAfter(Optional<RecordId> after, int limit) {
        Objects.requireNonNull(after, "after");
        requirePositive(limit);
        return transactions.call(em -> {
            TypedQuery<RecordEntity> query = em.createQuery("select r from RecordEntity r"
                    + (after.isPresent() ? " where r.id > :after" : "") + " order by r.id", RecordEntity.class)
                    .setMaxResults(limit);
            after.ifPresent(id -> query.setParameter("after", id.value()));
            return detachAll(em, query.getResultList());
        }, e -> StorageErrors.failure("loading records", e));
    }

    @Override
    public Map<Optional<DataKeyId>, Long> countRecordsByKey() {
        return transactions.call(em -> {
            Map<Optional<DataKeyId>, Long> counts = new HashMap<>();
            for (Object[] row : em.createQuery("select r.keyId, count(r) from RecordEntity r group by r.keyId",
                    Object[].class).getResultList()) {
                counts.put(Optional.ofNullable((String) row[0]).map(DataKeyId::new), (Long) row[1]);
            }
            return counts;
        }, e -> StorageErrors.failure("counting records by key", e));
    }

    @Override
    public long countRecordsUsing(DataKeyId keyId) {
        Objects.requireNonNull(keyId, "keyId");
        return transactions.call(em -> em.createQuery(
                        "select count(r) from RecordEntity r where r.keyId = :keyId", Long.class)
                .setParameter("keyId", keyId.value())
                .getSingleResult(), e -> StorageErrors.failure("counting records", e));
    }

    @Override
    public void insertRecord(EncryptedRecord record) {
        RecordEntity row = RecordMapper.toNewEntity(Objects.requireNonNull(record, "record"));
        transactions.call(em -> {
            if (exists(em, row.id)) {
                throw duplicate(record.id(), null);
            }
            em.persist(row);
            em.flush();
            em.detach(row);
            return null;
        }, e -> StorageErrors.violates(e, StorageErrors.RECORD_PK)
                ? duplicate(record.id(), e)
                : StorageErrors.failure("saving a record", e));
    }

    @Override
    public EncryptedRecord updateRecord(EncryptedRecord record) {
        Objects.requireNonNull(record, "record");
        String keyId = RecordMapper.keyIdOf(record);
        return transactions.call(em -> {
            int updated = em.createQuery("update RecordEntity r set r.name = :name, r.type = :type, r.data = :data,"
                            + " r.keyId = :keyId, r.version = r.version + 1, r.updatedAt = :updatedAt"
                            + " where r.id = :id and r.version = :version")
                    .setParameter("name", record.name())
                    .setParameter("type", record.type())
                    .setParameter("data", record.data())
                    .setParameter("keyId", keyId)
                    .setParameter("updatedAt", record.updatedAt())
                    .setParameter("id", record.id().value())
                    .setParameter("version", record.version())
                    .executeUpdate();
            if (updated == 0) {
                throw exists(em, record.id().value())
                        ? new RekeyException(ErrorCode.VERSION_CONFLICT, "record " + record.id()
                                + " was changed by someone else after it was read (at version " + record.version()
                                + "); nothing was saved: read it again and retry")
                        : notFound(record.id());
            }
            return EncryptedRecord.reconstitute(record.id(), record.name(), record.type(), record.data(),
                    record.version() + 1, record.createdAt(), record.updatedAt());
        }, e -> StorageErrors.failure("updating a record", e));
    }

    /** One JDBC batch: the statements travel together, which is what makes eager re-encryption fast. */
    @Override
    public List<EncryptedRecord> updateRecordData(List<EncryptedRecord> records) {
        Objects.requireNonNull(records, "records");
        if (records.isEmpty()) {
            return List.of();
        }
        return transactions.call(em -> em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE credentials_entity"
                    + " SET data = ?, key_id = ?, version = version + 1 WHERE id = ? AND version = ?")) {
                for (EncryptedRecord record : records) {
                    update.setString(1, record.data());
                    update.setString(2, RecordMapper.keyIdOf(record));
                    update.setString(3, record.id().value());
                    update.setLong(4, record.version());
                    update.addBatch();
                }
                int[] counts = update.executeBatch();
                List<EncryptedRecord> written = new ArrayList<>(records.size());
                for (int i = 0; i < counts.length; i++) {
                    if (counts[i] > 0 || counts[i] == Statement.SUCCESS_NO_INFO) {
                        EncryptedRecord record = records.get(i);
                        written.add(EncryptedRecord.reconstitute(record.id(), record.name(), record.type(),
                                record.data(), record.version() + 1, record.createdAt(), record.updatedAt()));
                    }
                }
                return written;
            }
        }), e -> StorageErrors.failure("updating records", e));
    }

    @Override
    public void deleteRecord(RecordId id) {
        Objects.requireNonNull(id, "id");
        transactions.call(em -> {
            int deleted = em.createQuery("delete from RecordEntity r where r.id = :id")
                    .setParameter("id", id.value())
                    .executeUpdate();
            if (deleted == 0) {
                throw notFound(id);
            }
            return null;
        }, e -> StorageErrors.failure("deleting a record", e));
    }

    /**
     * Locks and returns the next records to move. PostgreSQL skips rows another transaction holds and
     * locks only the rows it returns. H2 (single-process, embedded) also skips rows locked by others,
     * but locks every row matching the condition, not only the first {@code limit}: a second
     * concurrent claimer on H2 gets nothing until the first commits, never the same records.
     * Read with plain JDBC: the rows are mapped straight to records, with no entity to build and detach.
     */
    @Override
    public List<EncryptedRecord> claimRecordsNotOn(Optional<DataKeyId> target, Optional<RecordId> after, int limit) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(after, "after");
        requirePositive(limit);
        transactions.requireTransaction("claiming records");
        String sql = "SELECT " + COLUMNS + " FROM credentials_entity WHERE "
                + (target.isPresent() ? "key_id IS DISTINCT FROM ?" : "key_id IS NOT NULL")
                + (after.isPresent() ? " AND id > ?" : "")
                + " ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED";
        return transactions.call(em -> em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement claim = connection.prepareStatement(sql)) {
                int parameter = 1;
                if (target.isPresent()) {
                    claim.setString(parameter++, target.get().value());
                }
                if (after.isPresent()) {
                    claim.setString(parameter++, after.get().value());
                }
                claim.setInt(parameter, limit);
                List<EncryptedRecord> claimed = new ArrayList<>(limit);
                try (ResultSet rows = claim.executeQuery()) {
                    while (rows.next()) {
                        claimed.add(RecordMapper.toDomain(rows));
                    }
                }
                return claimed;
            }
        }), e -> StorageErrors.failure("claiming records", e));
    }

    private static boolean exists(EntityManager em, String id) {
        return em.createQuery("select count(r) from RecordEntity r where r.id = :id", Long.class)
                .setParameter("id", id)
                .getSingleResult() > 0;
    }

    private static EncryptedRecord detach(EntityManager em, RecordEntity row) {
        em.detach(row);
        return RecordMapper.toDomain(row);
    }

    private static List<EncryptedRecord> detachAll(EntityManager em, List<RecordEntity> rows) {
        List<EncryptedRecord> records = new ArrayList<>(rows.size());
        rows.forEach(row -> records.add(detach(em, row)));
        return records;
    }

    private static void requirePositive(int limit) {
        if (limit < 1) {
            throw RekeyException.invalid("the batch size must be at least 1, not " + limit);
        }
    }

    private static RekeyException duplicate(RecordId id, Throwable cause) {
        return new RekeyException(ErrorCode.DUPLICATE_ID, "a record with id " + id + " already exists", cause);
    }

    private static RekeyException notFound(RecordId id) {
        return new RekeyException(ErrorCode.RECORD_NOT_FOUND, "no record with id " + id);
    }
}
