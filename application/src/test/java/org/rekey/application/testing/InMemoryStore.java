package org.rekey.application.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
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
import java.util.stream.Stream;
import org.rekey.application.apikey.ApiKey;
import org.rekey.application.audit.AuditAction;
import org.rekey.application.audit.AuditEntry;
import org.rekey.application.error.ApplicationErrorCode;
import org.rekey.application.job.Job;
import org.rekey.application.job.JobKind;
import org.rekey.application.job.JobState;
import org.rekey.application.port.out.ApiKeyStorePort;
import org.rekey.application.port.out.AuditLogPort;
import org.rekey.application.port.out.BackupPort;
import org.rekey.application.port.out.CheckStorePort;
import org.rekey.application.port.out.JobStorePort;
import org.rekey.application.port.out.LoadDataKeysPort;
import org.rekey.application.port.out.LoadRecordsPort;
import org.rekey.application.port.out.LoadSecretsPort;
import org.rekey.application.port.out.RewriteSecretsPort;
import org.rekey.application.port.out.SaveDataKeysPort;
import org.rekey.application.port.out.SaveRecordPort;
import org.rekey.application.port.out.SecretLocation;
import org.rekey.application.port.out.SecretRewrite;
import org.rekey.application.port.out.StoredSecret;
import org.rekey.application.port.out.TransactionPort;
import org.rekey.application.port.out.WrappedSecretsPort;
import org.rekey.domain.error.ErrorCode;
import org.rekey.domain.error.RekeyException;
import org.rekey.domain.key.DataKey;
import org.rekey.domain.key.DataKeyId;
import org.rekey.domain.key.KeyRef;
import org.rekey.domain.key.StoredValue;
import org.rekey.domain.record.EncryptedRecord;
import org.rekey.domain.record.RecordId;

/**
 * Every store out-port in memory, with the database's rules: one active data key ({@code ROTATION_CONFLICT}),
 * optimistic locking ({@code VERSION_CONFLICT}), unique ids ({@code DUPLICATE_ID}), {@code RECORD_NOT_FOUND},
 * keyset order by id, and transactions that roll back when their work throws. As in rekey's own schema, each
 * record's data is one secret, at {@code ("credentials_entity", id, "data")}; the secret ports are run
 * against the same contract as the database ({@code InMemorySecretStoreTest}).
 *
 * <p>Transactions are serialised by one lock (a nested call joins the outer one; a port call outside any
 * transaction runs in one of its own), so a claim never meets a row another transaction holds. Rollback
 * restores a snapshot taken when the outermost transaction began. A single statement is atomic:
 * {@link #saveDataKeys} that breaks the one-active rule changes nothing, even inside a transaction.
 *
 * <p>Test hooks: {@link #onClaim} runs right after secrets are claimed (with the records that hold them),
 * {@link #onUpdate} right before a record update or a secret rewrite is applied (it may throw to simulate a
 * failing database).
 */
public final class InMemoryStore implements TransactionPort, LoadDataKeysPort, SaveDataKeysPort, LoadRecordsPort,
        SaveRecordPort, LoadSecretsPort, RewriteSecretsPort, WrappedSecretsPort, BackupPort, ApiKeyStorePort,
        JobStorePort, AuditLogPort, CheckStorePort {

    /** Where the secrets of this store live, as in rekey's own schema. */
    public static final String TABLE = "credentials_entity";
    public static final String FIELD = "data";

    private static final Comparator<EncryptedRecord> BY_CREATION =
            Comparator.comparing(EncryptedRecord::createdAt).thenComparing(r -> r.id().value());

    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicInteger commits = new AtomicInteger();
    private final AtomicInteger rollbacks = new AtomicInteger();
    private Map<DataKeyId, DataKey> keys = new LinkedHashMap<>();
    private TreeMap<String, EncryptedRecord> records = new TreeMap<>();
    private Map<String, ApiKey> apiKeys = new LinkedHashMap<>();
    private Map<SecretLocation, String> wrapped = new TreeMap<>();
    private Map<String, Job> jobs = new LinkedHashMap<>();
    private List<AuditEntry> audit = new ArrayList<>();
    private final List<String> backups = new ArrayList<>();
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

    /** Runs {@code hook} inside the claiming transaction, right after each claim, with the records claimed. */
    public void onClaim(Consumer<List<EncryptedRecord>> hook) {
        this.claimHook = hook;
    }

    /**
     * Runs {@code hook} before each {@link #updateRecord} and each rewrite of {@link #rewriteSecrets} is applied,
     * with the record as it would be written; an exception it throws fails the call.
     */
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
    public void deleteRecord(RecordId id) {
        inTransaction(() -> {
            if (records.remove(id.value()) == null) {
                throw new RekeyException(ErrorCode.RECORD_NOT_FOUND, "no credential with id " + id);
            }
            return null;
        });
    }

    // ---- secrets

    @Override
    public List<StoredSecret> loadSecretsAfter(Optional<SecretLocation> after, int limit) {
        requirePositive(limit);
        return inTransaction(() -> secretsAfter(after).stream().limit(limit).toList());
    }

    @Override
    public long countSecrets() {
        return inTransaction(() -> (long) records.size());
    }

    /** Values that do not parse are left out, as the port says. */
    @Override
    public Map<KeyRef, Long> countSecretsByKey() {
        return inTransaction(() -> {
            Map<KeyRef, Long> counts = new HashMap<>();
            for (EncryptedRecord record : records.values()) {
                keyRefOf(record.data()).ifPresent(key -> counts.merge(key, 1L, Long::sum));
            }
            return Map.copyOf(counts);
        });
    }

    @Override
    public long countSecretsUsing(DataKeyId keyId) {
        return inTransaction(() -> records.values().stream()
                .filter(r -> keyRefOf(r.data()).equals(Optional.of(KeyRef.of(keyId))))
                .count());
    }

    /**
     * Secrets whose value does not name {@code target}, values that do not parse included. Transactions are
     * serialised, so no claimed row is ever held by another one.
     */
    @Override
    public List<StoredSecret> claimSecretsNotOn(KeyRef target, Optional<SecretLocation> after, int limit) {
        requirePositive(limit);
        requireTransaction("claiming secrets");
        return inTransaction(() -> {
            List<StoredSecret> claimed = secretsAfter(after).stream()
                    .filter(s -> !keyRefOf(s.value()).equals(Optional.of(target)))
                    .limit(limit)
                    .toList();
            claimHook.accept(claimed.stream().map(s -> records.get(s.location().rowId())).toList());
            return claimed;
        });
    }

    /** Compare-and-set on the data; the record's version goes up by one, its name and dates stay. */
    @Override
    public List<SecretRewrite> rewriteSecrets(List<SecretRewrite> rewrites) {
        List<SecretRewrite> batch = List.copyOf(rewrites);
        for (SecretRewrite rewrite : batch) {
            if (!TABLE.equals(rewrite.location().table()) || !FIELD.equals(rewrite.location().field())) {
                throw new IllegalArgumentException("this store keeps secrets only at " + TABLE + "/<id>/" + FIELD
                        + ", not at " + rewrite.location());
            }
            StoredValue.parse(rewrite.newValue());
        }
        requireTransaction("rewriting secrets");
        return inTransaction(() -> {
            List<SecretRewrite> written = new ArrayList<>();
            for (SecretRewrite rewrite : batch) {
                EncryptedRecord stored = records.get(rewrite.location().rowId());
                if (stored == null || !stored.data().equals(rewrite.before().value())) {
                    continue;
                }
                EncryptedRecord next = EncryptedRecord.reconstitute(stored.id(), stored.name(), stored.type(),
                        rewrite.newValue(), stored.version() + 1, stored.createdAt(), stored.updatedAt());
                updateHook.accept(next);
                records.put(stored.id().value(), next);
                written.add(rewrite);
            }
            return written;
        });
    }

    /** The records' data in location order: the table sorts before or after ours, then ids, then the field. */
    private List<StoredSecret> secretsAfter(Optional<SecretLocation> after) {
        List<StoredSecret> secrets = new ArrayList<>();
        for (EncryptedRecord record : records.values()) {
            StoredSecret secret = new StoredSecret(new SecretLocation(TABLE, record.id().value(), FIELD),
                    record.data());
            if (after.isEmpty() || secret.location().compareTo(after.get()) > 0) {
                secrets.add(secret);
            }
        }
        return secrets;
    }

    private static Optional<KeyRef> keyRefOf(String value) {
        try {
            return Optional.of(StoredValue.parse(value).keyRef());
        } catch (RekeyException e) {
            return Optional.empty();
        }
    }

    private void requireTransaction(String operation) {
        if (!lock.isHeldByCurrentThread()) {
            throw new IllegalStateException(operation + " must run inside TransactionPort.inTransaction:"
                    + " its row locks last only until the transaction ends");
        }
    }

    private static void requirePositive(int limit) {
        if (limit < 1) {
            throw RekeyException.invalid("the batch size must be at least 1, not " + limit);
        }
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

    // ---- jobs: one running at a time; a save is compare-and-set on the version

    @Override
    public Job insertJob(Job job) {
        return inTransaction(() -> {
            if (jobs.containsKey(job.id())) {
                throw new RekeyException(ErrorCode.DUPLICATE_ID, "a job with id " + job.id() + " exists already");
            }
            if (runningJob().isPresent()) {
                throw new RekeyException(ApplicationErrorCode.JOB_RUNNING, "another job is running");
            }
            jobs.put(job.id(), job);
            return job;
        });
    }

    @Override
    public Optional<Job> updateJob(Job job) {
        return inTransaction(() -> {
            Job stored = jobs.get(job.id());
            if (stored == null || stored.version() != job.version()) {
                return Optional.<Job>empty();
            }
            Job next = new Job(job.id(), job.kind(), job.state(), job.instance(), job.actor(), job.startedAt(),
                    job.heartbeatAt(), job.finishedAt(), job.counts(), job.lastError(), job.version() + 1);
            jobs.put(job.id(), next);
            return Optional.of(next);
        });
    }

    @Override
    public Optional<Job> runningJob() {
        return inTransaction(() -> jobs.values().stream().filter(job -> job.state() == JobState.RUNNING).findFirst());
    }

    @Override
    public Optional<Job> latestJob(JobKind kind) {
        return inTransaction(() -> newestJobs().stream().filter(job -> job.kind() == kind).findFirst());
    }

    @Override
    public List<Job> listJobs(int skip, int take) {
        return inTransaction(() -> newestJobs().stream().skip(skip).limit(take).toList());
    }

    @Override
    public long countJobs() {
        return inTransaction(() -> (long) jobs.size());
    }

    /** Newest first; jobs started at the same instant in the reverse order of insertion. */
    private List<Job> newestJobs() {
        List<Job> newest = new ArrayList<>(jobs.values());
        Collections.reverse(newest);
        newest.sort(Comparator.comparing(Job::startedAt).reversed());
        return newest;
    }

    // ---- audit trail

    @Override
    public void appendAudit(AuditEntry entry) {
        inTransaction(() -> audit.add(entry));
    }

    @Override
    public List<AuditEntry> listAudit(Optional<Instant> since, Optional<AuditAction> action, int skip, int take) {
        return inTransaction(() -> matching(since, action).skip(skip).limit(take).toList());
    }

    @Override
    public long countAudit(Optional<Instant> since, Optional<AuditAction> action) {
        return inTransaction(() -> matching(since, action).count());
    }

    /** Newest first. */
    private Stream<AuditEntry> matching(Optional<Instant> since, Optional<AuditAction> action) {
        List<AuditEntry> newest = new ArrayList<>(audit);
        Collections.reverse(newest);
        return newest.stream()
                .filter(entry -> since.map(at -> !entry.at().isBefore(at)).orElse(true))
                .filter(entry -> action.map(a -> entry.action() == a).orElse(true));
    }

    /** The whole trail, oldest first. */
    public List<AuditEntry> auditTrail() {
        return inTransaction(() -> List.copyOf(audit));
    }

    // ---- snapshots

    private record Snapshot(Map<DataKeyId, DataKey> keys, TreeMap<String, EncryptedRecord> records,
            Map<String, ApiKey> apiKeys, Map<SecretLocation, String> wrapped, Map<String, Job> jobs,
            List<AuditEntry> audit) {
    }

    private Snapshot snapshot() {
        return new Snapshot(new LinkedHashMap<>(keys), new TreeMap<>(records), new LinkedHashMap<>(apiKeys),
                new TreeMap<>(wrapped), new LinkedHashMap<>(jobs), new ArrayList<>(audit));
    }

    private void restore(Snapshot snapshot) {
        keys = snapshot.keys();
        records = snapshot.records();
        apiKeys = snapshot.apiKeys();
        jobs = snapshot.jobs();
        audit = snapshot.audit();
        wrapped = snapshot.wrapped();
    }

    // ---- secrets wrapped by the instance key (n8n's signing keys), and backups

    /** Adds a secret the instance key protects directly, as n8n's deployment_key rows of other types. */
    public void putWrappedSecret(SecretLocation location, String value) {
        inTransaction(() -> wrapped.put(location, value));
    }

    public Map<SecretLocation, String> wrappedSecrets() {
        return inTransaction(() -> Map.copyOf(wrapped));
    }

    @Override
    public List<StoredSecret> loadWrappedSecrets() {
        return inTransaction(() -> wrapped.entrySet().stream()
                .map(e -> new StoredSecret(e.getKey(), e.getValue())).toList());
    }

    @Override
    public List<SecretRewrite> rewrapSecrets(List<SecretRewrite> rewrites) {
        requireTransaction("re-wrapping secrets");
        List<SecretRewrite> written = new ArrayList<>();
        for (SecretRewrite rewrite : rewrites) {
            if (rewrite.before().value().equals(wrapped.get(rewrite.location()))) {
                wrapped.put(rewrite.location(), rewrite.newValue());
                written.add(rewrite);
            }
        }
        return written;
    }

    /** Records the operation; this store keeps no backup file, like rekey's own. */
    @Override
    public Optional<Backup> backUp(String operation) {
        synchronized (backups) {
            backups.add(operation);
        }
        return Optional.empty();
    }

    /** The operations that asked for a backup, in order. */
    public List<String> backupsAskedFor() {
        synchronized (backups) {
            return List.copyOf(backups);
        }
    }
}
