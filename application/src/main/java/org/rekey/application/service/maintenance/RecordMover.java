package org.rekey.application.service.maintenance;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.rekey.application.port.in.maintenance.BatchCommand;
import org.rekey.application.port.in.maintenance.BatchReport;
import org.rekey.application.port.in.maintenance.Progress;
import org.rekey.application.port.in.maintenance.ProgressListener;
import org.rekey.application.port.in.maintenance.RecordFailure;
import org.rekey.application.port.out.LoadSecretsPort;
import org.rekey.application.port.out.RewriteSecretsPort;
import org.rekey.application.port.out.SecretLocation;
import org.rekey.application.port.out.SecretRewrite;
import org.rekey.application.port.out.StoredSecret;
import org.rekey.application.port.out.TransactionPort;
import org.rekey.application.service.backup.Backups;
import org.rekey.application.service.keyring.KeyringCache;
import org.rekey.domain.error.ErrorCode;
import org.rekey.domain.error.RekeyException;
import org.rekey.domain.key.DataKeyId;
import org.rekey.domain.key.KeyRef;
import org.rekey.domain.key.Keyring;
import org.rekey.domain.key.WriteFormat;

/**
 * Moves every stored secret to a target format in batches, one transaction per batch.
 *
 * <p>Each batch claims the next secrets (in location order) that are not on the target yet, locking them
 * and skipping rows another instance holds, decrypts and re-encrypts each, and writes each only if the
 * store still holds the value it was read with (compare-and-set), so a user's concurrent write is never
 * overwritten. Killing the process at any moment rolls back at most the current batch; every secret stays
 * readable, and running again resumes where the store says work remains. Memory holds one batch at a time.
 * A secret that does not decrypt is reported with its location and left as it is.
 */
public final class RecordMover {

    /** Where records go: the active data key (eager re-encryption) or the legacy format (downgrade). */
    public enum Target { ACTIVE_KEY, LEGACY }

    private static final int MAX_PASSES = 5;

    private final TransactionPort transactions;
    private final LoadSecretsPort loadSecrets;
    private final RewriteSecretsPort rewriteSecrets;
    private final KeyringCache keyring;
    private final Backups backups;

    public RecordMover(TransactionPort transactions, LoadSecretsPort loadSecrets, RewriteSecretsPort rewriteSecrets,
            KeyringCache keyring, Backups backups) {
        this.transactions = transactions;
        this.loadSecrets = loadSecrets;
        this.rewriteSecrets = rewriteSecrets;
        this.keyring = keyring;
        this.backups = backups;
    }

    /** Backs up what may change (where the store keeps backups), then moves every secret not on the target. */
    public BatchReport move(Target target, BatchCommand command, ProgressListener listener) {
        return move(target, command, listener, true);
    }

    /** As {@link #move(Target, BatchCommand, ProgressListener)}, for a command that took its backup already. */
    public BatchReport moveAfterBackup(Target target, BatchCommand command, ProgressListener listener) {
        return move(target, command, listener, false);
    }

    private BatchReport move(Target target, BatchCommand command, ProgressListener listener, boolean backUp) {
        Keyring current = keyring.reload();
        Map<KeyRef, Long> pending = pending(target, current);
        long total = pending.values().stream().mapToLong(Long::longValue).sum();
        KeyRef targetKey = target == Target.LEGACY ? KeyRef.LEGACY : KeyRef.of(current.activeKey().orElseThrow().id());
        if (command.dryRun()) {
            return new BatchReport(targetKey, true, pending, 0, 0, List.of(), List.of());
        }
        if (backUp && total > 0) {
            backups.before(target == Target.LEGACY ? "downgrade" : "reencrypt");
        }
        Tally tally = new Tally(total);
        listener.onProgress(tally.progress());
        // Another pass picks up what one pass over the ids can miss: rows another instance held locked
        // (skipped) and then gave back unmoved, and secrets moved to a key that was rotated away meanwhile.
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            long claimedBefore = tally.claimed;
            Optional<SecretLocation> after = Optional.empty();
            do {
                Optional<SecretLocation> from = after;
                after = transactions.inTransaction(() -> batch(target, from, command.batchSize(), tally));
                listener.onProgress(tally.progress());
            } while (after.isPresent());
            if (tally.claimed == claimedBefore) {
                break;
            }
        }
        return new BatchReport(targetKey, false, pending, tally.moved, tally.skipped, tally.failures,
                rewriteSecrets.noticesAfterRewriting(tally.byColumn));
    }

    /** One transaction: claim, re-encrypt, write. Returns the last claimed location, or empty when nothing was left. */
    private Optional<SecretLocation> batch(Target target, Optional<SecretLocation> after, int size, Tally tally) {
        Keyring current = keyring.current();
        WriteFormat format = target == Target.LEGACY ? WriteFormat.LEGACY : WriteFormat.ACTIVE_KEY;
        KeyRef targetKey = target == Target.LEGACY ? KeyRef.LEGACY : KeyRef.of(current.activeKey().orElseThrow().id());
        List<StoredSecret> claimed = rewriteSecrets.claimSecretsNotOn(targetKey, after, size);
        List<SecretRewrite> reencrypted = new ArrayList<>(claimed.size());
        for (StoredSecret secret : claimed) {
            if (tally.failed(secret.location())) {
                continue;
            }
            tally.claimed++;
            tally.done++;
            try {
                reencrypted.add(new SecretRewrite(secret,
                        keyring.apply(k -> k.encrypt(k.decrypt(secret.value()), format))));
            } catch (RekeyException e) {
                if (e.code().kind() == ErrorCode.Kind.FAILURE) {
                    throw e;
                }
                tally.fail(secret.location(), e);
            }
        }
        List<SecretRewrite> written = reencrypted.isEmpty() ? List.of() : rewriteSecrets.rewriteSecrets(reencrypted);
        written.forEach(tally::written);
        tally.skipped += reencrypted.size() - written.size();
        return claimed.isEmpty() ? Optional.empty() : Optional.of(claimed.get(claimed.size() - 1).location());
    }

    private Map<KeyRef, Long> pending(Target target, Keyring current) {
        Optional<DataKeyId> active = current.activeKey().map(k -> k.id());
        if (target == Target.ACTIVE_KEY && active.isEmpty()) {
            throw new RekeyException(ErrorCode.NO_ACTIVE_KEY, "there is no active data key to move records to");
        }
        Map<KeyRef, Long> pending = new LinkedHashMap<>();
        loadSecrets.countSecretsByKey().forEach((key, count) -> {
            boolean onTarget = target == Target.LEGACY ? key.isLegacy() : key.dataKey().equals(active);
            if (!onTarget && count > 0) {
                pending.put(key, count);
            }
        });
        return pending;
    }

    /** Counts of one run, updated batch by batch. */
    private static final class Tally {
        private final Map<String, Long> byColumn = new TreeMap<>();
        private final long total;
        private final List<RecordFailure> failures = new ArrayList<>();
        private final Set<SecretLocation> failedAt = new HashSet<>();
        private long claimed;
        private long moved;
        private long skipped;
        private long done;

        Tally(long total) {
            this.total = total;
        }

        boolean failed(SecretLocation location) {
            return failedAt.contains(location);
        }

        void fail(SecretLocation location, RekeyException e) {
            failures.add(Failures.at(location, e));
            failedAt.add(location);
        }

        /** One value written: counted, and by {@code table.column} (a field's index or JSON path left out). */
        void written(SecretRewrite rewrite) {
            moved++;
            SecretLocation at = rewrite.location();
            String column = at.field().split("[\\[.]", 2)[0];
            byColumn.merge(at.table() + "." + column, 1L, Long::sum);
        }

        Progress progress() {
            return new Progress(Math.min(done, total), total, failures.size());
        }
    }
}
