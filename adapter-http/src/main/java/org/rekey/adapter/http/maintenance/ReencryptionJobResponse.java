package org.rekey.adapter.http.maintenance;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.rekey.application.port.in.maintenance.BatchReport;
import org.rekey.application.port.in.maintenance.Progress;
import org.rekey.application.port.in.maintenance.ReencryptionJob;

/**
 * The background re-encryption job: {@code state} ({@code idle|running|succeeded|failed}), times,
 * progress, and once finished its report or error.
 */
public record ReencryptionJobResponse(String state, Instant startedAt, Instant finishedAt, ProgressResponse progress,
        ReportResponse report, String error) {

    /** Records done (moved, skipped or failed) out of the total the job started with. */
    public record ProgressResponse(long done, long total, long failed, long remaining) {
        static ProgressResponse of(Progress progress) {
            return new ProgressResponse(progress.done(), progress.total(), progress.failed(), progress.remaining());
        }
    }

    /** What the job did: records pending per key before it ran, moved, skipped, and each failure. */
    public record ReportResponse(String target, boolean dryRun, Map<String, Long> pendingByKey, long moved,
            long skipped, List<RecordFailureResponse> failures) {
        static ReportResponse of(BatchReport report) {
            return new ReportResponse(report.target().wireName(), report.dryRun(), KeyCounts.byName(report.pendingByKey()),
                    report.moved(), report.skipped(),
                    report.failures().stream().map(RecordFailureResponse::of).toList());
        }
    }

    public static ReencryptionJobResponse of(ReencryptionJob job) {
        return new ReencryptionJobResponse(job.state(), job.startedAt().orElse(null), job.finishedAt().orElse(null),
                ProgressResponse.of(job.progress()), job.report().map(ReportResponse::of).orElse(null),
                job.error().orElse(null));
    }
}
