package org.rekey.adapter.persistence;

import jakarta.persistence.TypedQuery;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.hibernate.Session;
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
 * The secrets of rekey's own schema: one per {@code credentials_entity} row, its {@code data} column, at
 * {@code ("credentials_entity", id, "data")}. Paging and counting are JPQL over {@link RecordEntity}, selecting
 * the two columns (no entity is built); the claim and the rewrite of eager re-encryption are plain JDBC, because
 * {@code scripts/bench-db.sh} measured them faster that way (see each).
 *
 * <p>Counting and claiming go by the {@code key_id} column, which every write through rekey derives from the
 * data (so it is always right for values rekey wrote, and indexed). A malformed value can only get in by
 * writing the table from outside rekey; such a row's {@code key_id} is whatever that writer put there. It is
 * loaded like any other (and {@code verify} reports it), left out of the counts when its {@code key_id} is
 * null, and claimed only when its {@code key_id} is not the target's: so moving to a data key claims (and
 * reports) a malformed value with a null {@code key_id}, but a downgrade to legacy does not.
 */
public final class SecretRepository implements LoadSecretsPort, RewriteSecretsPort {

    static final String TABLE = "credentials_entity";
    static final String FIELD = "data";

    private final ThreadBoundTransactions transactions;

    SecretRepository(ThreadBoundTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public List<StoredSecret> loadSecretsAfter(Optional<SecretLocation> after, int limit) {
        Objects.requireNonNull(after, "after");
        requirePositive(limit);
        Optional<RowBound> bound = after.map(RowBound::after);
        if (bound.isPresent() && bound.get().nothingLeft()) {
            return List.of();
        }
        Optional<String> afterRow = bound.flatMap(RowBound::rowId);
        String jpql = "select r.id, r.data from RecordEntity r"
                + afterRow.map(row -> " where r.id " + bound.get().operator() + " :after").orElse("")
                + " order by r.id";
        return transactions.read(em -> {
            TypedQuery<Object[]> query = em.createQuery(jpql, Object[].class).setMaxResults(limit);
            afterRow.ifPresent(row -> query.setParameter("after", row));
            List<StoredSecret> secrets = new ArrayList<>(Math.min(limit, 1024));
            for (Object[] row : query.getResultList()) {
                secrets.add(secret((String) row[0], (String) row[1]));
            }
            return secrets;
        }, e -> StorageErrors.failure("loading secrets", e));
    }

    @Override
    public long countSecrets() {
        return transactions.read(em -> em.createQuery("select count(r) from RecordEntity r", Long.class)
                .getSingleResult(), e -> StorageErrors.failure("counting secrets", e));
    }

    /** By the {@code key_id} column; a null one counts as legacy only when the data has no {@code :} (parses). */
    @Override
    public Map<KeyRef, Long> countSecretsByKey() {
        return transactions.read(em -> {
            Map<KeyRef, Long> counts = new HashMap<>();
            for (Object[] row : em.createQuery("select r.keyId, count(r) from RecordEntity r"
                    + " where r.keyId is not null or (r.data not like '%:%' and r.data <> '') group by r.keyId",
                    Object[].class).getResultList()) {
                String keyId = (String) row[0];
                long count = (Long) row[1];
                if (keyId == null) {
                    counts.put(KeyRef.LEGACY, count);
                } else if (DataKeyId.isValid(keyId)) {
                    counts.put(KeyRef.of(new DataKeyId(keyId)), count);
                }
            }
            return counts;
        }, e -> StorageErrors.failure("counting secrets by key", e));
    }

    @Override
    public long countSecretsUsing(DataKeyId keyId) {
        Objects.requireNonNull(keyId, "keyId");
        return transactions.read(em -> em.createQuery(
                        "select count(r) from RecordEntity r where r.keyId = :keyId", Long.class)
                .setParameter("keyId", keyId.value())
                .getSingleResult(), e -> StorageErrors.failure("counting secrets", e));
    }

    /**
     * Locks and returns the next rows to move. PostgreSQL skips rows another transaction holds and locks only
     * the rows it returns. H2 (single-process, embedded) also skips rows locked by others, but locks every row
     * matching the condition, not only the first {@code limit}: a second concurrent claimer on H2 gets nothing
     * until the first commits, never the same rows.
     *
     * <p>Plain JDBC, not JPA: built as entities, detached and mapped again, the claimed rows cost eager
     * re-encryption of 10⁵ records 6.6 s against 5.8 s this way ({@code scripts/bench-db.sh}, docs/BENCHMARKS.md).
     */
    @Override
    public List<StoredSecret> claimSecretsNotOn(KeyRef target, Optional<SecretLocation> after, int limit) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(after, "after");
        requirePositive(limit);
        transactions.requireTransaction("claiming secrets");
        Optional<RowBound> bound = after.map(RowBound::after);
        if (bound.isPresent() && bound.get().nothingLeft()) {
            return List.of();
        }
        String sql = "SELECT id, data FROM credentials_entity WHERE "
                + (target.isLegacy() ? "key_id IS NOT NULL" : "key_id IS DISTINCT FROM ?")
                + bound.filter(b -> b.rowId().isPresent()).map(b -> " AND id " + b.operator() + " ?").orElse("")
                + " ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED";
        return transactions.call(em -> em.unwrap(Session.class).doReturningWork(connection ->
                select(connection, sql, bound.flatMap(RowBound::rowId),
                        target.dataKey().map(DataKeyId::value).orElse(null), limit)),
                e -> StorageErrors.failure("claiming secrets", e));
    }

    /**
     * One JDBC batch, which is what makes eager re-encryption fast: one {@code UPDATE} per record (a round trip
     * each) took 10⁵ records 14.5 s against 6.6 s as one batch per claim ({@code scripts/bench-db.sh},
     * docs/BENCHMARKS.md).
     *
     * <p>The compare-and-set is on the data itself, not on the version: every write of a credential re-encrypts
     * its data with a fresh random salt, so a user's update always changes the data, and an unchanged data means
     * nobody wrote the row meanwhile. The version is still bumped, as for any write, so that a user's update read
     * before this one fails with a version conflict instead of overwriting it.
     */
    @Override
    public List<SecretRewrite> rewriteSecrets(List<SecretRewrite> rewrites) {
        List<SecretRewrite> batch = List.copyOf(Objects.requireNonNull(rewrites, "rewrites"));
        batch.forEach(SecretRepository::requireOwnLocation);
        transactions.requireTransaction("rewriting secrets");
        if (batch.isEmpty()) {
            return List.of();
        }
        List<String> keyIds = batch.stream()
                .map(r -> StoredValue.parse(r.newValue()).keyId().map(DataKeyId::value).orElse(null))
                .toList();
        return transactions.call(em -> em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE credentials_entity"
                    + " SET data = ?, key_id = ?, version = version + 1 WHERE id = ? AND data = ?")) {
                for (int i = 0; i < batch.size(); i++) {
                    SecretRewrite rewrite = batch.get(i);
                    update.setString(1, rewrite.newValue());
                    update.setString(2, keyIds.get(i));
                    update.setString(3, rewrite.location().rowId());
                    update.setString(4, rewrite.before().value());
                    update.addBatch();
                }
                int[] counts = update.executeBatch();
                List<SecretRewrite> written = new ArrayList<>(batch.size());
                for (int i = 0; i < counts.length; i++) {
                    if (counts[i] > 0 || counts[i] == Statement.SUCCESS_NO_INFO) {
                        written.add(batch.get(i));
                    }
                }
                return written;
            }
        }), e -> StorageErrors.failure("rewriting secrets", e));
    }

    private static List<StoredSecret> select(Connection connection, String sql, Optional<String> afterRow,
            String targetKeyId, int limit) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            int parameter = 1;
            if (targetKeyId != null) {
                query.setString(parameter++, targetKeyId);
            }
            if (afterRow.isPresent()) {
                query.setString(parameter++, afterRow.get());
            }
            query.setInt(parameter, limit);
            List<StoredSecret> secrets = new ArrayList<>(Math.min(limit, 1024));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    secrets.add(secret(rows.getString(1), rows.getString(2)));
                }
            }
            return secrets;
        }
    }

    private static StoredSecret secret(String rowId, String data) {
        return new StoredSecret(new SecretLocation(TABLE, rowId, FIELD), data);
    }

    private static void requireOwnLocation(SecretRewrite rewrite) {
        SecretLocation location = rewrite.location();
        if (!TABLE.equals(location.table()) || !FIELD.equals(location.field())) {
            throw new IllegalArgumentException("rekey's schema keeps secrets only at " + TABLE + "/<id>/" + FIELD
                    + ", not at " + location);
        }
    }

    private static void requirePositive(int limit) {
        if (limit < 1) {
            throw RekeyException.invalid("the batch size must be at least 1, not " + limit);
        }
    }

    /**
     * Where rows start after a location, in location order: every row (a location before this table), none
     * (after it), rows with a greater id, or rows from that id on (a field before {@code data}).
     */
    private record RowBound(Optional<String> rowId, boolean inclusive, boolean nothingLeft) {

        static RowBound after(SecretLocation location) {
            int byTable = location.table().compareTo(TABLE);
            if (byTable < 0) {
                return new RowBound(Optional.empty(), false, false);
            }
            if (byTable > 0) {
                return new RowBound(Optional.empty(), false, true);
            }
            return new RowBound(Optional.of(location.rowId()), location.field().compareTo(FIELD) < 0, false);
        }

        String operator() {
            return inclusive ? ">=" : ">";
        }
    }
}
