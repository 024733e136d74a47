package org.rekey.adapter.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.TypedQuery;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.rekey.application.port.out.LoadRecordsPort;
import org.rekey.application.port.out.SaveRecordPort;
import org.rekey.domain.error.ErrorCode;
import org.rekey.domain.error.RekeyException;
import org.rekey.domain.record.EncryptedRecord;
import org.rekey.domain.record.RecordId;

/**
 * Encrypted records in {@code credentials_entity}, as JPA entities: an update is a managed change checked by
 * the entity's {@code @Version}; every read detaches its rows, so a long transaction paging through many
 * records keeps no rows in memory. The read by id is plain JDBC (see {@link #loadRecord}).
 */
public final class RecordRepository implements LoadRecordsPort, SaveRecordPort {

    private static final String COLUMNS = "id, name, type, data, version, created_at, updated_at";

    private final ThreadBoundTransactions transactions;

    RecordRepository(ThreadBoundTransactions transactions) {
        this.transactions = transactions;
    }

    /**
     * Plain JDBC, one statement: this is the read behind every credential request, and through a JPA session
     * it cost the server 4,500–4,800 µs of CPU per request against 1,000–1,900 µs this way, on a loaded machine
     * ({@code scripts/bench-http.sh}, docs/BENCHMARKS.md).
     */
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
        return transactions.read(em -> {
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
        return transactions.read(em -> em.createQuery("select count(r) from RecordEntity r", Long.class)
                .getSingleResult(), e -> StorageErrors.failure("counting records", e));
    }

    @Override
    public List<EncryptedRecord> loadRecordsAfter(Optional<RecordId> after, int limit) {
        Objects.requireNonNull(after, "after");
        requirePositive(limit);
        return transactions.read(em -> {
            TypedQuery<RecordEntity> query = em.createQuery("select r from RecordEntity r"
                    + (after.isPresent() ? " where r.id > :after" : "") + " order by r.id", RecordEntity.class)
                    .setMaxResults(limit);
            after.ifPresent(id -> query.setParameter("after", id.value()));
            return detachAll(em, query.getResultList());
        }, e -> StorageErrors.failure("loading records", e));
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

    /**
     * A managed update: the row is read, compared with the version the caller read, changed, and flushed;
     * JPA's {@code @Version} check on the flush catches a writer that came in between.
     */
    @Override
    public EncryptedRecord updateRecord(EncryptedRecord record) {
        Objects.requireNonNull(record, "record");
        String keyId = RecordMapper.keyIdOf(record);
        return transactions.call(em -> {
            RecordEntity row = em.find(RecordEntity.class, record.id().value());
            if (row == null) {
                throw notFound(record.id());
            }
            if (row.version != record.version()) {
                em.detach(row);
                throw versionConflict(record, null);
            }
            RecordMapper.copy(record, keyId, row);
            em.flush();
            em.detach(row);
            return EncryptedRecord.reconstitute(record.id(), record.name(), record.type(), record.data(),
                    row.version, record.createdAt(), record.updatedAt());
        }, e -> e instanceof OptimisticLockException
                ? versionConflict(record, e)
                : StorageErrors.failure("updating a record", e));
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

    private static RekeyException versionConflict(EncryptedRecord record, Throwable cause) {
        return new RekeyException(ErrorCode.VERSION_CONFLICT, "record " + record.id() + " was changed by someone"
                + " else after it was read (at version " + record.version() + "); nothing was saved: read it again"
                + " and retry", cause);
    }

    private static RekeyException notFound(RecordId id) {
        return new RekeyException(ErrorCode.RECORD_NOT_FOUND, "no record with id " + id);
    }
}
