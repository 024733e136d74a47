package org.rekey.adapter.http;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rekey.application.audit.Actor;
import org.rekey.application.job.JobKind;
import org.rekey.application.job.JobState;
import org.rekey.application.port.in.PageRequest;
import org.rekey.application.port.in.maintenance.BatchCommand;
import org.rekey.application.port.in.maintenance.BatchReport;
import org.rekey.application.port.in.maintenance.JobPage;
import org.rekey.application.port.in.maintenance.JobView;
import org.rekey.application.port.in.maintenance.ListJobsUseCase;
import org.rekey.application.port.in.maintenance.Progress;
import org.rekey.application.port.in.maintenance.ProgressListener;
import org.rekey.application.port.in.maintenance.RecordFailure;
import org.rekey.application.port.in.maintenance.ReencryptionJob;
import org.rekey.application.port.in.maintenance.ReencryptionJobUseCase;
import org.rekey.application.port.in.maintenance.VerifyRecordsUseCase;
import org.rekey.application.port.in.maintenance.VerifyReport;
import org.rekey.domain.error.ErrorCode;
import org.rekey.domain.key.DataKeyId;
import org.rekey.domain.key.KeyRef;

/** A background re-encryption that moves only when the browser test says, and a verify with a set answer. */
final class InMemoryMaintenance implements ReencryptionJobUseCase, ListJobsUseCase, VerifyRecordsUseCase {

    static final long TOTAL = 4;

    private ReencryptionJob job = ReencryptionJob.idle();
    private int starts;
    private int verifications;
    private VerifyReport report = new VerifyReport(0, Map.of(), 0, KeyRef.LEGACY, List.of());

    @Override
    public synchronized ReencryptionJob startReencryption(BatchCommand command, Actor actor) {
        if (job.job().map(JobView::state).orElse(null) == JobState.RUNNING) {
            return job;
        }
        starts++;
        job = running(0);
        return job;
    }

    @Override
    public synchronized ReencryptionJob reencryptionJob() {
        return job;
    }

    /** The running job has done {@code done} records. */
    synchronized void advance(long done) {
        job = running(done);
    }

    /** The job ends, every record moved. */
    synchronized void finish() {
        job = new ReencryptionJob(Optional.of(view(JobState.SUCCEEDED, TOTAL, Optional.of(Instant.now()))),
                Optional.of(new BatchReport(KeyRef.of(new DataKeyId(InMemoryKeys.ACTIVE_ID)), false, Map.of(), TOTAL, 0,
                        List.of(), List.of())));
    }

    @Override
    public synchronized JobPage listJobs(PageRequest page) {
        List<JobView> jobs = job.job().stream().toList();
        return new JobPage(jobs.size(), jobs);
    }

    synchronized int starts() {
        return starts;
    }

    @Override
    public synchronized VerifyReport verifyRecords(ProgressListener listener) {
        verifications++;
        return report;
    }

    synchronized void verifyAnswers(VerifyReport next) {
        report = next;
    }

    synchronized int verifications() {
        return verifications;
    }

    static RecordFailure failure(String recordId, String message) {
        return new RecordFailure("credentials_entity", recordId, "data", ErrorCode.DECRYPTION_FAILED.name(), message);
    }

    private ReencryptionJob running(long done) {
        return new ReencryptionJob(Optional.of(view(JobState.RUNNING, done, Optional.empty())), Optional.empty());
    }

    private static JobView view(JobState state, long done, Optional<Instant> finishedAt) {
        Instant started = Instant.parse("2024-06-02T10:00:00Z");
        return new JobView("Job0000000000001", JobKind.REENCRYPT, state, "browser-host:1",
                Actor.apiKey("manager", "manager"), started, started, finishedAt, new Progress(done, TOTAL, 0),
                Optional.empty());
    }
}
