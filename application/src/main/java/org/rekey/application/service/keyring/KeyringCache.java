package org.rekey.application.service.keyring;

import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.rekey.application.port.out.LoadDataKeysPort;
import org.rekey.application.port.out.RekeyEventsPort;
import org.rekey.domain.error.ErrorCode;
import org.rekey.domain.error.RekeyException;
import org.rekey.domain.key.Keyring;
import org.rekey.domain.record.EncryptedRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This instance's view of the keyring, reloaded from the database when older than the refresh
 * interval, so that a rotation made by any instance reaches every instance's writes in well under one
 * second. Reads never wait on a reload another thread is doing: they use the snapshot they have.
 * Keys are immutable per id, so unwrapped material is reused across reloads.
 */
public final class KeyringCache {

    private static final Logger LOG = LoggerFactory.getLogger(KeyringCache.class);

    private final LoadDataKeysPort loadDataKeys;
    private final RekeyEventsPort events;
    private final long refreshNanos;
    private final LongSupplier nanoClock;
    private final ReentrantLock reloading = new ReentrantLock();
    private volatile Snapshot snapshot;

    private record Snapshot(Keyring keyring, long loadedAt) {
    }

    public KeyringCache(LoadDataKeysPort loadDataKeys, Keyring initial, Duration refreshInterval, LongSupplier nanoClock,
            RekeyEventsPort events) {
        this.loadDataKeys = loadDataKeys;
        this.events = events;
        this.refreshNanos = refreshInterval.toNanos();
        this.nanoClock = nanoClock;
        this.snapshot = new Snapshot(initial, nanoClock.getAsLong());
    }

    public KeyringCache(LoadDataKeysPort loadDataKeys, Keyring initial, Duration refreshInterval, LongSupplier nanoClock) {
        this(loadDataKeys, initial, refreshInterval, nanoClock, RekeyEventsPort.NONE);
    }

    public KeyringCache(LoadDataKeysPort loadDataKeys, Keyring initial, Duration refreshInterval) {
        this(loadDataKeys, initial, refreshInterval, System::nanoTime);
    }

    /** The keyring, reloaded first if the snapshot is stale and no other thread is reloading it. */
    public Keyring current() {
        Snapshot current = snapshot;
        if (nanoClock.getAsLong() - current.loadedAt() < refreshNanos || !reloading.tryLock()) {
            return current.keyring();
        }
        try {
            return reloadLocked();
        } finally {
            reloading.unlock();
        }
    }

    /** Reloads now, waiting for any reload in progress. */
    public Keyring reload() {
        reloading.lock();
        try {
            return reloadLocked();
        } finally {
            reloading.unlock();
        }
    }

    /** Installs a keyring this instance just changed and saved. */
    public void replace(Keyring keyring) {
        snapshot = new Snapshot(keyring, nanoClock.getAsLong());
    }

    /**
     * Runs {@code work} with the current keyring. A value naming a key this snapshot does not know yet
     * (created by another instance moments ago) triggers one reload and one more try before giving up.
     */
    public <T> T apply(Function<Keyring, T> work) {
        try {
            return work.apply(current());
        } catch (RekeyException e) {
            if (e.code() != ErrorCode.KEY_NOT_FOUND) {
                throw e;
            }
            return work.apply(reload());
        }
    }

    /**
     * Decrypts a stored value, reloading once for a key this snapshot does not know yet. A failure is told
     * to the {@link RekeyEventsPort} with its code, then thrown.
     */
    public String decrypt(String value) {
        return decrypting(keyring -> keyring.decrypt(value));
    }

    /** As {@link #decrypt(String)}, for a record's data: a broken stored value fails as {@code MALFORMED_STORED_VALUE}. */
    public String decryptData(EncryptedRecord record) {
        return decrypting(record::decryptData);
    }

    private String decrypting(Function<Keyring, String> decryption) {
        try {
            return apply(decryption);
        } catch (RekeyException e) {
            events.decryptFailed(e.code());
            throw e;
        }
    }

    private Keyring reloadLocked() {
        Snapshot previous = snapshot;
        try {
            Keyring next = previous.keyring().refresh(loadDataKeys.loadDataKeys());
            snapshot = new Snapshot(next, nanoClock.getAsLong());
            return next;
        } catch (RekeyException e) {
            if (e.code() != ErrorCode.WRONG_INSTANCE_KEY) {
                throw e;
            }
            // The keys were re-wrapped under another instance key while this instance ran: keep serving
            // with the keys it has, and say loudly what to do.
            LOG.error("{} Restart this instance with the new instance key.", e.getMessage());
            snapshot = new Snapshot(previous.keyring(), nanoClock.getAsLong());
            return previous.keyring();
        }
    }
}
