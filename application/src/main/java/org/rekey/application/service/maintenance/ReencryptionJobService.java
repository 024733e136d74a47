package org.rekey.application.service.maintenance;

import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.rekey.application.audit.Actor;
import org.rekey.application.job.Job;
import org.rekey.application.job.JobKind;
import org.rekey.application.job.JobState;
import org.rekey.application.port.in.maintenance.BatchCommand;
import org.rekey.application.port.in.maintenance.BatchReport;
import org.rekey.application.port.in.maintenance.JobView;
import org.rekey.application.port.in.maintenance.ReencryptionJob;
import org.rekey.application.port.in.maintenance.ReencryptionJobUseCase;
import org.rekey.domain.error.RekeyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs re-encryption as a job on a background thread of this instance; every instance reads the job's row, so
 * any of them shows its progress.
 */
public final class ReencryptionJobService implements ReencryptionJobUseCase, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReencryptionJobService.class);

    /** The report of the last job this instance ran. */
    private record LocalReport(String jobId, BatchReport report) {
    }

    private final ReencryptService reencrypt;
    private final JobRunner jobs;
    private final AtomicReference<LocalReport> lastReport = new AtomicReference<>();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "rekey-reencryption");
        thread.setDaemon(true);
        return thread;
    });

    public ReencryptionJobService(ReencryptService reencrypt, JobRunner jobs) {
        this.reencrypt = reencrypt;
        this.jobs = jobs;
    }

    @Override
    public synchronized ReencryptionJob startReencryption(BatchCommand command, Actor actor) {
        reencrypt.requireEnabled();
        Optional<Job> latest = jobs.latest(JobKind.REENCRYPT);
        if (latest.isPresent() && jobs.view(latest.get()).state() == JobState.RUNNING) {
            return view(latest.get()); // one runs already, on some instance: follow that one
        }
        Job job = jobs.start(JobKind.REENCRYPT, actor);
        executor.execute(() -> {
            try {
                jobs.run(job, progress -> reencrypt.move(command, progress), report -> {
                    lastReport.set(new LocalReport(job.id(), report)); // before the row says the job ended
                    return JobRunner.Ending.of(report);
                });
            } catch (RekeyException e) {
                LOG.warn("re-encryption job {} failed [{}]: {}", job.id(), e.code(), e.getMessage());
            } catch (RuntimeException e) { // the job's row records it; the thread must not die silently
                LOG.error("re-encryption job {} failed", job.id(), e);
            }
        });
        return view(job);
    }

    @Override
    public ReencryptionJob reencryptionJob() {
        return jobs.latest(JobKind.REENCRYPT).map(this::view).orElse(ReencryptionJob.idle());
    }

    private ReencryptionJob view(Job job) {
        JobView shown = jobs.view(job);
        LocalReport local = lastReport.get();
        Optional<BatchReport> report = local != null && local.jobId().equals(job.id()) && shown.finishedAt().isPresent()
                ? Optional.of(local.report())
                : Optional.empty();
        return new ReencryptionJob(Optional.of(shown), report);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
