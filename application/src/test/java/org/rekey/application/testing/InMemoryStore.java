package org.rekey.application.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.rekey.application.apikey.ApiKey;
import org.rekey.application.port.out.ApiKeyStorePort;
import org.rekey.application.port.out.CheckStorePort;
import org.rekey.application.port.out.ClaimRecordsPort;
import org.rekey.application.port.out.LoadDataKeysPort;
import org.rekey.application.port.out.LoadRecordsPort;
import org.rekey.application.port.out.SaveDataKeysPort;
import org.rekey.application.port.out.SaveRecordPort;
import org.rekey.application.port.out.TransactionPort;
import org.rekey.domain.error.ErrorCode;
import org.rekey.domain.error.RekeyException;
import org.rekey.domain.key.DataKey;
import org.rekey.domain.key.DataKeyId;
import org.rekey.domain.record.EncryptedRecord;
import org.rekey.domain.record.RecordId;

/**
 * Every store out-port in memory, with the database's rules: one active data key ({@code ROTATION_CONFLICT}),
 * optimistic locking ({@code VERSION_CONFLICT}), unique ids ({@code DUPLICATE_ID}), {@code RECORD_NOT_FOUND},
 * keyset order by id, and transactions that roll back when their work throws.
 *
 * <p>Transactions are serialised by one lock (a nested call joins the outer one; a port call outside any
 * transaction runs in one of its own), so a claim never meets a row another transaction holds. Rollback
 * restores a snapshot taken when the outermost transaction began. A single statement is atomic:
 * {@link #saveDataKeys} that breaks the one-active rule changes nothing, even inside a transaction.
 *
 * <p>Test hooks: {@link #onClaim} runs right after records are claimed, {@link #onUpdate} right before a
 * record update is applied (it may throw to simulate a failing database).
 */
public final class InMemoryStore implements TransactionPort, LoadDataKeysPort, SaveDataKeysPort, LoadRecordsPort,
        SaveRecordPort, ClaimRecordsPort, ApiKeyStorePort, CheckStorePort {

    private static final Comparator<EncryptedRecord> BY_CREATION =
            Comparator.comparing(EncryptedRecord::createdAt).thenComparing(r -> r.id().value());

    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicInteger commits = new AtomicInteger();
    private final AtomicInteger rollbacks = new AtomicInteger();
    private Map<DataKeyId, DataKey> keys = new LinkedHashMap<>();
    private TreeMap<String, EncryptedRecord> records = new TreeMap<>();
    private Map<String, ApiKey> apiKeys = new LinkedHashMap<>();
    private volatile Consumer<List<EncryptedRecord>> claimHook = claimed -> { };
    private volatile Consumer<EncryptedRecord> updateHook = record -> { };
    private volatile boolean answering = true;

    /** Whether {@link #storeAnswers()} says yes: false simulates a database that went away. */
    public void answering(boolean answering) {
        this.answering = answering;
    }

    @Override
    public boolean storeAnswers() {
        return answering;
    }

    /** Runs {@code hook} inside the claiming transaction, right after each claim, with the claimed records. */
    public void onClaim(Consumer<List<EncryptedRecord>> hook) {
        this.claimHook = hook;
    }

    /** Runs {@code hook} before each {@link #updateRecord} is applied; an exception it throws fails the update. */
    public void onUpdate(Consumer<EncryptedRecord> hook) {
        this.updateHook = hook;
    }

    /** Outermost transactions that committed so far (port calls outside a transaction count as one each). */
    public int commits() {
        return commits.get();
    }

    /** Outermost transactions rolled back so far. */
    public int rollbacks() {
        return rollbacks.get();
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (lock.isHeldByCurrentThread()) {
            return work.get();
        }
        lock.lock();
        try {
            Snapshot before = snapshot();
            T result;
            try {
                result = work.get();
            } catch (RuntimeException | Error e) {
                restore(before);
                rollbacks.incrementAndGet();
                throw e;
            }
            commits.incrementAndGet();
            return result;
        } finally {
            lock.unlock();
        }
    }

    // ---- data keys

    @Override
    public List<DataKey> loadDataKeys() {
        return inTransaction(() -> List.copyOf(keys.values()));
    }

    @Override
    public void saveDataKeys(List<DataKey> changed) {
        inTransaction(() -> {
            Map<DataKeyId, DataKey> before = new LinkedHashMap<>(keys);
            for (DataKey key : changed) {
                keys.put(key.id(), key);
                if (keys.values().stream().filter(DataKey::isActive).count() > 1) {
                    keys = before;
                    throw new RekeyException(ErrorCode.ROTATION_CONFLICT, "another data key is active already:"
                            + " another instance changed the keys at the same moment; retry");
                }
            }
            return null;
        });
    }

    // ---- records

    @Override
    public Optional<EncryptedRecord> loadRecord(RecordId id) {
        return inTransaction(() -> Optional.ofNullable(records.get(id.value())));
    }

    @Override
    public List<EncryptedRecord> listRecords(int skip, Integer take) {
        return inTransaction(() -> records.values().stream()
                .sorted(BY_CREATION)
                .skip(skip)
                .limit(take == null ? Long.MAX_VALUE : take)
                .toList());
    }

    @Override
    public long countRecords() {
        return inTransaction(() -> (long) records.size());
    }

    @Override
    public List<EncryptedRecord> loadRecordsAfter(Optional<RecordId> after, int limit) {
        return inTransaction(() -> tail(after).stream().limit(limit).toList());
    }

    /**
     * Groups by the text before the first {@code :}, as a SQL {@code GROUP BY} on that prefix would; values
     * whose prefix is not a valid key id (malformed values) are not counted.
     */
    @Override
    public Map<Optional<DataKeyId>, Long> countRecordsByKey() {
        return inTransaction(() -> {
            Map<Optional<DataKeyId>, Long> counts = new HashMap<>();
            for (EncryptedRecord record : records.values()) {
                String data = record.data();
                int colon = data.indexOf(':');
                if (colon < 0) {
                    counts.merge(Optional.empty(), 1L, Long::sum);
                } else if (DataKeyId.isValid(data.substring(0, colon))) {
                    counts.merge(Optional.of(new DataKeyId(data.substring(0, colon))), 1L, Long::sum);
                }
            }
            return Map.copyOf(counts);
        });
    }

    @Override
    public long countRecordsUsing(DataKeyId keyId) {
        return inTransaction(() -> records.values().stream().filter(r -> r.data().startsWith(keyId.value() + ":"))
                .count());
    }

    @Override
    public void insertRecord(EncryptedRecord record) {
        inTransaction(() -> {
            if (records.containsKey(record.id().value())) {
                throw new RekeyException(ErrorCode.DUPLICATE_ID, "a credential with id " + record.id() + " exists");
            }
            records.put(record.id().value(), atVersion(record, 0));
            return null;
        });
    }

    @Override
    public EncryptedRecord updateRecord(EncryptedRecord record) {
        return inTransaction(() -> {
            EncryptedRecord stored = records.get(record.id().value());
            if (stored == null) {
                throw new RekeyException(ErrorCode.RECORD_NOT_FOUND, "no credential with id " + record.id());
            }
            if (stored.version() != record.version()) {
                throw new RekeyException(ErrorCode.VERSION_CONFLICT, "credential " + record.id()
                        + " is at version " + stored.version() + ", not " + record.version());
            }
            updateHook.accept(record);
            EncryptedRecord written = atVersion(record, record.version() + 1);
            records.put(record.id().value(), written);
            return written;
        });
    }

    @Override
    public List<EncryptedRecord> updateRecordData(List<EncryptedRecord> batch) {
        return inTransaction(() -> {
            List<EncryptedRecord> written = new ArrayList<>();
            for (EncryptedRecord record : batch) {
                EncryptedRecord stored = records.get(record.id().value());
                if (stored == null || stored.version() != record.version()) {
                    continue;
                }
                updateHook.accept(record);
                EncryptedRecord next = EncryptedRecord.reconstitute(record.id(), stored.name(), stored.type(),
                        record.data(), record.version() + 1, stored.createdAt(), stored.updatedAt());
                records.put(record.id().value(), next);
                written.add(next);
            }
            return written;
        });
    }

    @Override
    public void deleteRecord(RecordId id) {
        inTransaction(() -> {
            if (records.remove(id.value()) == null) {
                throw new RekeyException(ErrorCode.RECORD_NOT_FOUND, "no credential with id " + id);
            }
            return null;
        });
    }

    /** Values compared as text, like a SQL {@code data NOT LIKE 'keyId:%'} (or {@code LIKE '%:%'}). */
    @Override
    public List<EncryptedRecord> claimRecordsNotOn(Optional<DataKeyId> target, Optional<RecordId> after, int limit) {
        return inTransaction(() -> {
            List<EncryptedRecord> claimed = tail(after).stream()
                    .filter(r -> target.map(t -> !r.data().startsWith(t.value() + ":"))
                            .orElseGet(() -> r.data().indexOf(':') >= 0))
                    .limit(limit)
                    .toList();
            claimHook.accept(claimed);
            return claimed;
        });
    }

    private List<EncryptedRecord> tail(Optional<RecordId> after) {
        return new ArrayList<>(after.map(id -> records.tailMap(id.value(), false)).orElse(records).values());
    }

    private static EncryptedRecord atVersion(EncryptedRecord r, long version) {
        return EncryptedRecord.reconstitute(r.id(), r.name(), r.type(), r.data(), version, r.createdAt(),
                r.updatedAt());
    }

    // ---- API keys

    @Override
    public void insertApiKey(ApiKey key) {
        inTransaction(() -> {
            if (apiKeys.containsKey(key.id())) {
                throw new RekeyException(ErrorCode.DUPLICATE_ID, "an API key with id " + key.id() + " exists");
            }
            apiKeys.put(key.id(), key);
            return null;
        });
    }

    @Override
    public Optional<ApiKey> loadApiKey(String id) {
        return inTransaction(() -> Optional.ofNullable(apiKeys.get(id)));
    }

    @Override
    public List<ApiKey> listApiKeys() {
        return inTransaction(() -> List.copyOf(apiKeys.values()));
    }

    /** Revoking twice keeps the first revocation time. */
    @Override
    public boolean revokeApiKey(String id, Instant at) {
        return inTransaction(() -> {
            ApiKey key = apiKeys.get(id);
            if (key == null) {
                return false;
            }
            if (!key.isRevoked()) {
                apiKeys.put(id, new ApiKey(key.id(), key.label(), key.scopes(), key.secretHash(), key.createdAt(),
                        Optional.of(at)));
            }
            return true;
        });
    }

    // ---- snapshots

    private record Snapshot(Map<DataKeyId, DataKey> keys, TreeMap<String, EncryptedRecord> records,
            Map<String, ApiKey> apiKeys) {
    }

    private Snapshot snapshot() {
        return new Snapshot(new LinkedHashMap<>(keys), new TreeMap<>(records), new LinkedHashMap<>(apiKeys));
    }

    private void restore(Snapshot snapshot) {
        keys = snapshot.keys();
        records = snapshot.records();
        apiKeys = snapshot.apiKeys();
    }
}
