package org.rekey.adapter.http.maintenance;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.rekey.application.port.in.maintenance.BatchReport;
import org.rekey.application.port.in.maintenance.JobView;
import org.rekey.application.port.in.maintenance.Progress;
import org.rekey.application.port.in.maintenance.ReencryptionJob;

/**
 * The fleet's latest re-encryption job: {@code state} ({@code idle} when none ran, else {@code running},
 * {@code succeeded}, {@code failed} or {@code abandoned}), its id and instance, times, progress, and once finished
 * its error or (on the instance that ran it) its report.
 */
public record ReencryptionJobResponse(String state, String id, String instance, Instant startedAt,
        Instant heartbeatAt, Instant finishedAt, ProgressResponse progress, ReportResponse report, String error) {

    private static final String IDLE = "idle";

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
            return new ReportResponse(report.target().wireName(), report.dryRun(),
                    KeyCounts.byName(report.pendingByKey()), report.moved(), report.skipped(),
                    report.failures().stream().map(RecordFailureResponse::of).toList());
        }
    }

    public static ReencryptionJobResponse of(ReencryptionJob job) {
        if (job.job().isEmpty()) {
            return new ReencryptionJobResponse(IDLE, null, null, null, null, null,
                    ProgressResponse.of(new Progress(0, 0, 0)), null, null);
        }
        JobView view = job.job().get();
        return new ReencryptionJobResponse(view.state().wireName(), view.id(), view.instance(), view.startedAt(),
                view.heartbeatAt(), view.finishedAt().orElse(null), ProgressResponse.of(view.progress()),
                job.report().map(ReportResponse::of).orElse(null), view.lastError().orElse(null));
    }
}
