package org.rekey.application.service.key;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.rekey.application.audit.Actor;
import org.rekey.application.audit.AuditAction;
import org.rekey.application.port.out.LoadDataKeysPort;
import org.rekey.application.port.out.SaveDataKeysPort;
import org.rekey.application.port.out.TransactionPort;
import org.rekey.application.service.audit.AuditTrail;
import org.rekey.application.service.backup.Backups;
import org.rekey.application.service.keyring.KeyringCache;
import org.rekey.domain.error.ErrorCode;
import org.rekey.domain.error.RekeyException;
import org.rekey.domain.key.Keyring.KeyChange;
import org.rekey.domain.key.Keyring;

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
    private final AuditTrail audit;

    public KeyChanges(TransactionPort transactions, LoadDataKeysPort loadDataKeys, SaveDataKeysPort saveDataKeys,
            KeyringCache cache, Backups backups, AuditTrail audit) {
        this.transactions = transactions;
        this.loadDataKeys = loadDataKeys;
        this.saveDataKeys = saveDataKeys;
        this.cache = cache;
        this.backups = backups;
        this.audit = audit;
    }

    /**
     * Backs up what may change (where the store keeps backups), runs {@code change} against the stored keys and
     * saves what it changed, with its audit entry in the same transaction; the cache gets the result. A change
     * that changes nothing is neither saved nor recorded; a failure is recorded after the rollback.
     *
     * @param requested what the actor asked to change (a key id, or the key type for a rotation), the entry's
     *     target unless the change activated a key, which is then the target
     */
    public KeyChange apply(String operation, Actor actor, AuditAction action, String requested,
            Function<Keyring, KeyChange> change) {
        return audit.failuresOf(actor, action, requested, () -> {
            backups.before(operation);
            return applyWithRetries(change, done -> audit.succeeded(actor, action,
                    done.activated().map(key -> key.id().value()).orElse(requested), describe(done)));
        });
    }

    private KeyChange applyWithRetries(Function<Keyring, KeyChange> change, Consumer<KeyChange> record) {
        for (int attempt = 1; ; attempt++) {
            try {
                KeyChange done = transactions.inTransaction(() -> {
                    Keyring stored = cache.current().refresh(loadDataKeys.loadDataKeys());
                    KeyChange result = change.apply(stored);
                    if (!result.changed().isEmpty()) {
                        saveDataKeys.saveDataKeys(result.changed());
                        record.accept(result);
                    }
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

    /** The keys a change saved, with their new status: {@code abc (active), def (inactive)}. */
    private static String describe(KeyChange change) {
        return change.changed().stream()
                .map(key -> key.id().value() + " (" + key.status().wireName() + ")")
                .collect(Collectors.joining(", "));
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
