package org.rekey.adapter.http.maintenance;

import java.util.List;
import java.util.Map;
import org.rekey.application.port.in.maintenance.VerifyReport;

/** The outcome of decrypting every record: counts per key ("legacy" for the old format, "malformed" for none) and every failure. */
public record VerifyStatusResponse(long total, Map<String, Long> recordsByKey, String activeKeyId,
        List<RecordFailureResponse> failures) {

    public static VerifyStatusResponse of(VerifyReport report) {
        return new VerifyStatusResponse(report.total(), KeyCounts.byName(report), report.activeKey().wireName(),
                report.failures().stream().map(RecordFailureResponse::of).toList());
    }
}
