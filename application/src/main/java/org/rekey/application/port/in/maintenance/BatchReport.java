package org.rekey.application.port.in.maintenance;

import java.util.List;
import java.util.Map;

/**
 * What a batch job did (or, in a dry run, would do).
 *
 * @param pendingByKey before the run: records to move, by the key they were on ("legacy" for none)
 * @param moved records rewritten
 * @param skipped records left alone because a user changed them meanwhile (they are on the target already)
 */
public record BatchReport(String target, boolean dryRun, Map<String, Long> pendingByKey, long moved, long skipped,
        List<RecordFailure> failures) {

    public BatchReport {
        pendingByKey = Map.copyOf(pendingByKey);
        failures = List.copyOf(failures);
    }

    public boolean succeeded() {
        return failures.isEmpty();
    }
}
