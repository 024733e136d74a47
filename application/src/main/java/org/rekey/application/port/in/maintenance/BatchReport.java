package org.rekey.application.port.in.maintenance;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.rekey.domain.key.KeyRef;

/**
 * What a batch job did (or, in a dry run, would do).
 *
 * @param target where the records went: the active data key, or {@link KeyRef#LEGACY} for a downgrade
 * @param pendingByKey before the run: records to move, by the key they were on
 * @param moved records rewritten
 * @param skipped records left alone because a user changed them meanwhile (they are on the target already)
 * @param notices what the program that owns the store will notice of the rewrite (n8n: users logged out)
 */
public record BatchReport(KeyRef target, boolean dryRun, Map<KeyRef, Long> pendingByKey, long moved, long skipped,
        List<RecordFailure> failures, List<String> notices) {

    public BatchReport {
        Objects.requireNonNull(target, "target");
        pendingByKey = Map.copyOf(pendingByKey);
        failures = List.copyOf(failures);
        notices = List.copyOf(notices);
    }

    public boolean succeeded() {
        return failures.isEmpty();
    }
}
