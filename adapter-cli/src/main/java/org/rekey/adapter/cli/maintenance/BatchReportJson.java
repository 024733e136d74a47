package org.rekey.adapter.cli.maintenance;

import java.util.List;
import java.util.Map;
import org.rekey.application.port.in.maintenance.BatchReport;

/** A re-encryption or downgrade report in {@code --json} output. */
record BatchReportJson(String target, boolean dryRun, Map<String, Long> pendingByKey, long moved, long skipped,
        List<RecordFailureJson> failures, boolean succeeded, List<String> notices) {

    static BatchReportJson of(BatchReport report) {
        return new BatchReportJson(report.target().wireName(), report.dryRun(), KeyCounts.byName(report.pendingByKey()),
                report.moved(), report.skipped(), report.failures().stream().map(RecordFailureJson::of).toList(),
                report.succeeded(), report.notices());
    }
}
