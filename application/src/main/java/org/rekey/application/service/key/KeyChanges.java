package org.rekey.application.service.key;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import org.rekey.application.port.out.LoadDataKeysPort;
import org.rekey.application.port.out.SaveDataKeysPort;
import org.rekey.application.port.out.TransactionPort;
import org.rekey.application.service.backup.Backups;
import org.rekey.application.service.keyring.KeyringCache;
import org.rekey.domain.error.ErrorCode;
import org.rekey.domain.error.RekeyException;
import org.rekey.domain.key.Keyring;
import org.rekey.domain.key.Keyring.KeyChange;

/**
 * Applies a change to the keyring as one transaction on the freshest stored keys, retrying when the
 * database's one-active-key rule rejects it because another instance changed the keys at the same moment.
 */
public final class KeyChanges {

    static final int MAX_ATTEMPTS = 20;
    private static final long BACKOFF_MILLIS = 2;

    private final TransactionPort transactions;
    private final LoadDataKeysPort loadDataKeys;
    private final SaveDataKeysPort saveDataKeys;
    private final KeyringCache cache;
    private final Backups backups;

    public KeyChanges(TransactionPort transactions, LoadDataKeysPort loadDataKeys, SaveDataKeysPort saveDataKeys,
            KeyringCache cache, Backups backups) {
        this.transactions = transactions;
        this.loadDataKeys = loadDataKeys;
        this.saveDataKeys = saveDataKeys;
        this.cache = cache;
        this.backups = backups;
    }

    /**
     * Backs up what may change (where the store keeps backups), runs {@code change} against the stored keys and
     * saves what it changed; the cache gets the result.
     */
    public KeyChange apply(String operation, Function<Keyring, KeyChange> change) {
        backups.before(operation);
        for (int attempt = 1; ; attempt++) {
            try {
                KeyChange done = transactions.inTransaction(() -> {
                    Keyring stored = cache.current().refresh(loadDataKeys.loadDataKeys());
                    KeyChange result = change.apply(stored);
                    saveDataKeys.saveDataKeys(result.changed());
                    return result;
                });
                cache.replace(done.keyring());
                return done;
            } catch (RekeyException e) {
                if (e.code() != ErrorCode.ROTATION_CONFLICT || attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
                backOff(attempt);
            }
        }
    }

    /** Random, growing pauses, so that instances rotating in a tight loop do not keep colliding. */
    private static void backOff(int attempt) {
        long bound = BACKOFF_MILLIS << Math.min(attempt, 6);
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(bound));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RekeyException(ErrorCode.ROTATION_CONFLICT, "interrupted while retrying a key change");
        }
    }
}
