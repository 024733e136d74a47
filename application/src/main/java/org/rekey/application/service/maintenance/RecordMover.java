package org.rekey.application.service.maintenance;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.rekey.application.port.in.maintenance.BatchCommand;
import org.rekey.application.port.in.maintenance.BatchReport;
import org.rekey.application.port.in.maintenance.Progress;
import org.rekey.application.port.in.maintenance.ProgressListener;
import org.rekey.application.port.in.maintenance.RecordFailure;
import org.rekey.application.port.in.maintenance.VerifyReport;
import org.rekey.application.port.out.ClaimRecordsPort;
import org.rekey.application.port.out.LoadRecordsPort;
import org.rekey.application.port.out.SaveRecordPort;
import org.rekey.application.port.out.TransactionPort;
import org.rekey.application.service.keyring.KeyringCache;
import org.rekey.domain.error.ErrorCode;
import org.rekey.domain.error.RekeyException;
import org.rekey.domain.key.DataKeyId;
import org.rekey.domain.key.Keyring;
import org.rekey.domain.key.WriteFormat;
import org.rekey.domain.record.EncryptedRecord;
import org.rekey.domain.record.RecordId;

/**
 * Moves records to a target format in batches, one transaction per batch.
 *
 * <p>Each batch claims the next records by id that are not on the target yet, locking them and
 * skipping rows another instance holds, re-encrypts them and writes each only if its version is
 * unchanged, so a user's concurrent write is never overwritten. Killing the process at any moment
 * rolls back at most the current batch; every record stays readable, and running again resumes where
 * the database says work remains. Memory holds one batch at a time.
 */
public final class RecordMover {

    /** Where records go: the active data key (eager re-encryption) or the legacy format (downgrade). */
    public enum Target { ACTIVE_KEY, LEGACY }

    private static final int MAX_PASSES = 5;

    private final TransactionPort transactions;
    private final ClaimRecordsPort claimRecords;
    private final SaveRecordPort saveRecord;
    private final LoadRecordsPort loadRecords;
    private final KeyringCache keyring;

    public RecordMover(TransactionPort transactions, ClaimRecordsPort claimRecords, SaveRecordPort saveRecord,
            LoadRecordsPort loadRecords, KeyringCache keyring) {
        this.transactions = transactions;
        this.claimRecords = claimRecords;
        this.saveRecord = saveRecord;
        this.loadRecords = loadRecords;
        this.keyring = keyring;
    }

    public BatchReport move(Target target, BatchCommand command, ProgressListener listener) {
        Keyring current = keyring.reload();
        Map<String, Long> pending = pending(target, current);
        long total = pending.values().stream().mapToLong(Long::longValue).sum();
        String targetName = target == Target.LEGACY ? VerifyReport.LEGACY
                : current.activeKey().orElseThrow().id().value();
        if (command.dryRun()) {
            return new BatchReport(targetName, true, pending, 0, 0, List.of());
        }
        Tally tally = new Tally(total);
        listener.onProgress(tally.progress());
        // Another pass picks up what one pass over the ids can miss: rows another instance held locked
        // (skipped) and then gave back unmoved, and records moved to a key that was rotated away meanwhile.
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            long claimedBefore = tally.claimed;
            Optional<RecordId> after = Optional.empty();
            do {
                Optional<RecordId> from = after;
                after = transactions.inTransaction(() -> batch(target, from, command.batchSize(), tally));
                listener.onProgress(tally.progress());
            } while (after.isPresent());
            if (tally.claimed == claimedBefore) {
                break;
            }
        }
        return new BatchReport(targetName, false, pending, tally.moved, tally.skipped, tally.failures);
    }

    /** One transaction: claim, re-encrypt, write. Returns the last claimed id, or empty when nothing was left. */
    private Optional<RecordId> batch(Target target, Optional<RecordId> after, int size, Tally tally) {
        Keyring current = keyring.current();
        WriteFormat format = target == Target.LEGACY ? WriteFormat.LEGACY : WriteFormat.ACTIVE_KEY;
        Optional<DataKeyId> targetKey = target == Target.LEGACY ? Optional.empty()
                : Optional.of(current.activeKey().orElseThrow().id());
        List<EncryptedRecord> claimed = claimRecords.claimRecordsNotOn(targetKey, after, size);
        List<EncryptedRecord> reencrypted = new ArrayList<>(claimed.size());
        for (EncryptedRecord record : claimed) {
            if (tally.failed(record.id())) {
                continue;
            }
            tally.claimed++;
            tally.done++;
            try {
                reencrypted.add(keyring.apply(k -> record.reencrypt(k, format)));
            } catch (RekeyException e) {
                if (e.code().kind() == ErrorCode.Kind.FAILURE) {
                    throw e;
                }
                tally.fail(new RecordFailure(record.id().value(), e.code().name(), e.getMessage()));
            }
        }
        int written = saveRecord.updateRecordData(reencrypted).size();
        tally.moved += written;
        tally.skipped += reencrypted.size() - written;
        return claimed.isEmpty() ? Optional.empty() : Optional.of(claimed.get(claimed.size() - 1).id());
    }

    private Map<String, Long> pending(Target target, Keyring current) {
        Optional<DataKeyId> active = current.activeKey().map(k -> k.id());
        if (target == Target.ACTIVE_KEY && active.isEmpty()) {
            throw new RekeyException(ErrorCode.NO_ACTIVE_KEY, "there is no active data key to move records to");
        }
        Map<String, Long> pending = new LinkedHashMap<>();
        loadRecords.countRecordsByKey().forEach((key, count) -> {
            boolean onTarget = target == Target.LEGACY ? key.isEmpty() : key.equals(active);
            if (!onTarget && count > 0) {
                pending.put(key.map(DataKeyId::value).orElse(VerifyReport.LEGACY), count);
            }
        });
        return pending;
    }

    /** Counts of one run, updated batch by batch. */
    private static final class Tally {
        private final long total;
        private final List<RecordFailure> failures = new ArrayList<>();
        private final Set<String> failedIds = new HashSet<>();
        private long claimed;
        private long moved;
        private long skipped;
        private long done;

        Tally(long total) {
            this.total = total;
        }

        boolean failed(RecordId id) {
            return failedIds.contains(id.value());
        }

        void fail(RecordFailure failure) {
            failures.add(failure);
            failedIds.add(failure.recordId());
        }

        Progress progress() {
            return new Progress(Math.min(done, total), total, failures.size());
        }
    }
}
