package org.rekey.application.port.in.maintenance;

import java.util.List;
import java.util.Map;

/**
 * What a batch job did (or, in a dry run, would do).
 *
 * @param pendingByKey before the run: records to move, by the key they were on ("legacy" for none)
 * @param moved records rewritten
 * @param skipped records left alone because a user changed them meanwhile (they are on the target already)
 * @param notices what the program that owns the store will notice of the rewrite (n8n: users logged out)
 */
public record BatchReport(String target, boolean dryRun, Map<String, Long> pendingByKey, long moved, long skipped,
        List<RecordFailure> failures, List<String> notices) {

    public BatchReport {
        pendingByKey = Map.copyOf(pendingByKey);
        failures = List.copyOf(failures);
        notices = List.copyOf(notices);
    }

    public boolean succeeded() {
        return failures.isEmpty();
    }
}
