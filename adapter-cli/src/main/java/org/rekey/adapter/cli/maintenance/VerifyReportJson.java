package org.rekey.adapter.cli.maintenance;

import java.util.List;
import java.util.Map;
import org.rekey.application.port.in.maintenance.VerifyReport;

/** {@code verify --json}: records per key ("legacy" for the legacy format, "malformed" for none) and every failure. */
record VerifyReportJson(long total, String activeKeyId, Map<String, Long> recordsByKey,
        List<RecordFailureJson> failures, boolean succeeded) {

    static VerifyReportJson of(VerifyReport report) {
        return new VerifyReportJson(report.total(), report.activeKey().wireName(), KeyCounts.byName(report),
                report.failures().stream().map(RecordFailureJson::of).toList(), report.succeeded());
    }
}
