package org.rekey.application.service.maintenance;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.rekey.application.audit.Actor;
import org.rekey.application.audit.AuditOutcome;
import org.rekey.application.error.ApplicationErrorCode;
import org.rekey.application.job.Job;
import org.rekey.application.job.JobCounts;
import org.rekey.application.job.JobKind;
import org.rekey.application.job.JobState;
import org.rekey.application.port.in.PageRequest;
import org.rekey.application.port.in.maintenance.BatchReport;
import org.rekey.application.port.in.maintenance.JobPage;
import org.rekey.application.port.in.maintenance.JobView;
import org.rekey.application.port.in.maintenance.ListJobsUseCase;
import org.rekey.application.port.in.maintenance.Progress;
import org.rekey.application.port.in.maintenance.ProgressListener;
import org.rekey.application.port.out.JobStorePort;
import org.rekey.application.port.out.TransactionPort;
import org.rekey.application.service.audit.AuditTrail;
import org.rekey.domain.error.RekeyException;
import org.rekey.domain.key.RandomIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs re-encryption, downgrade and instance-key change as jobs in rekey's own database, one at a time across
 * the fleet: {@link #start} claims the one running slot (or takes over an abandoned job of the same kind) and
 * records the start in the audit trail in the same transaction; {@link #run} writes heartbeats and progress while
 * the work runs and records how it ended. A running job whose instance stops writing heartbeats for
 * {@link #DEAD_AFTER}, or ran on this host in a process that has ended (killed), is shown as abandoned.
 */
public final class JobRunner implements ListJobsUseCase, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);
    public static final Duration HEARTBEAT = Duration.ofSeconds(5);
    public static final Duration DEAD_AFTER = Duration.ofSeconds(30);
    /** Progress is written at most this often, between heartbeats, so every instance can follow it. */
    static final Duration PROGRESS_WRITES = Duration.ofSeconds(1);

    /** How a job's work ended, for its row and its audit entry. */
    public record Ending(boolean succeeded, String detail) {

        public static Ending of(BatchReport report) {
            return new Ending(report.succeeded(), report.moved() + " moved, " + report.skipped() + " skipped, "
                    + report.failures().size() + " failed");
        }
    }

    private final JobStorePort jobs;
    private final TransactionPort own;
    private final AuditTrail audit;
    private final Clock clock;
    private final SecureRandom random;
    private final String instance;
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "rekey-job-heartbeat");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * @param own the transactions of rekey's own database, which holds the job rows and the audit trail
     * @param instance this instance's name in job rows ({@code host:pid})
     */
    public JobRunner(JobStorePort jobs, TransactionPort own, AuditTrail audit, Clock clock, SecureRandom random,
            String instance) {
        this.jobs = jobs;
        this.own = own;
        this.audit = audit;
        this.clock = clock;
        this.random = random;
        this.instance = instance;
    }

    /**
     * Claims the fleet's job slot for a job of {@code kind}: takes over the running job if it is of that kind and
     * abandoned, marks an abandoned job of another kind as such, and otherwise inserts a new job.
     *
     * @throws RekeyException {@code JOB_RUNNING} naming the job that is running (alive) on some instance
     */
    public Job start(JobKind kind, Actor actor) {
        return audit.failuresOf(actor, kind.started(), kind.wireName(), () -> own.inTransaction(() -> {
            Instant now = clock.instant();
            Optional<Job> running = jobs.runningJob();
            if (running.isPresent()) {
                Job other = running.get();
                if (shownState(other, now) == JobState.RUNNING) {
                    throw jobRunning(other);
                }
                if (other.kind() == kind) {
                    Job resumed = jobs.updateJob(other.takenOver(instance, now)).orElseThrow(() -> takenMeanwhile());
                    audit.succeeded(actor, kind.started(), resumed.id(), "resumed on " + instance
                            + " after instance " + other.instance() + " stopped at " + other.heartbeatAt());
                    return resumed;
                }
                jobs.updateJob(other.finished(JobState.ABANDONED, now, Optional.of(abandonedBy(other))))
                        .orElseThrow(() -> takenMeanwhile());
            }
            Job created = jobs.insertJob(new Job(RandomIds.next(random), kind, JobState.RUNNING, instance, actor, now,
                    now, Optional.empty(), JobCounts.NONE, Optional.empty(), 0));
            audit.succeeded(actor, kind.started(), created.id(), "on " + instance);
            return created;
        }));
    }

    /**
     * Runs {@code work} as the started {@code job}: writes its progress and heartbeats while it runs, then its end
     * (and the audit entry of the end, in the same transaction).
     */
    public <T> T run(Job job, Function<ProgressListener, T> work, Function<T, Ending> ending) {
        Tracker tracker = new Tracker(job);
        ScheduledFuture<?> beat = heartbeats.scheduleAtFixedRate(tracker::beat, HEARTBEAT.toMillis(),
                HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
        try {
            T result = work.apply(tracker::progress);
            beat.cancel(false);
            Ending end = ending.apply(result);
            tracker.finish(end.succeeded() ? JobState.SUCCEEDED : JobState.FAILED, end.detail(), Optional.empty());
            return result;
        } catch (RuntimeException e) { // the job's row must say it failed, whatever the failure
            beat.cancel(false);
            String error = e instanceof RekeyException r ? r.code().name() + ": " + r.getMessage() : "internal error";
            tracker.finish(JobState.FAILED, error, Optional.of(error));
            throw e;
        }
    }

    /**
     * Starts and runs a job of {@code kind} on the calling thread; while a job of a {@link JobKind#joinable()}
     * kind runs on another instance, works beside it instead (the job stays that instance's; this instance's
     * part is in the audit trail).
     */
    public <T> T runNow(JobKind kind, Actor actor, Function<ProgressListener, T> work, Function<T, Ending> ending) {
        Optional<Job> running = kind.joinable() ? runningAlive(kind) : Optional.empty();
        if (running.isPresent()) {
            return join(running.get(), actor, work, ending);
        }
        Job started;
        try {
            started = start(kind, actor);
        } catch (RekeyException e) {
            Optional<Job> joinable = kind.joinable() && e.code() == ApplicationErrorCode.JOB_RUNNING
                    ? runningAlive(kind) : Optional.empty();
            if (joinable.isPresent()) {
                return join(joinable.get(), actor, work, ending);
            }
            throw e;
        }
        return run(started, work, ending);
    }

    private Optional<Job> runningAlive(JobKind kind) {
        return jobs.runningJob().filter(job -> job.kind() == kind)
                .filter(job -> shownState(job, clock.instant()) == JobState.RUNNING);
    }

    private <T> T join(Job job, Actor actor, Function<ProgressListener, T> work, Function<T, Ending> ending) {
        audit.succeeded(actor, job.kind().started(), job.id(), "joins the job running on " + job.instance()
                + ", from " + instance);
        T result = audit.failuresOf(actor, job.kind().finished(), job.id(), () -> work.apply(ProgressListener.NONE));
        Ending end = ending.apply(result);
        audit.record(actor, job.kind().finished(), job.id(), end.succeeded() ? AuditOutcome.SUCCEEDED
                : AuditOutcome.FAILED, "this instance's part: " + end.detail());
        return result;
    }

    /** The job as shown now. */
    public JobView view(Job job) {
        return JobView.of(job, shownState(job, clock.instant()));
    }

    private JobState shownState(Job job, Instant now) {
        JobState state = job.stateAt(now, DEAD_AFTER);
        return state == JobState.RUNNING && endedOnThisHost(job.instance()) ? JobState.ABANDONED : state;
    }

    /**
     * Whether {@code other} ({@code host:pid}) ran on this host in a process that no longer runs: a job killed
     * there need not wait for its heartbeats to age before a rerun resumes it.
     */
    private boolean endedOnThisHost(String other) {
        int colon = other.lastIndexOf(':');
        int ownColon = instance.lastIndexOf(':');
        if (colon < 0 || ownColon < 0 || !other.substring(0, colon).equals(instance.substring(0, ownColon))
                || other.equals(instance)) {
            return false;
        }
        try {
            long pid = Long.parseLong(other.substring(colon + 1));
            return ProcessHandle.of(pid).map(process -> !process.isAlive()).orElse(true);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The latest job of {@code kind}, as stored now. */
    public Optional<Job> latest(JobKind kind) {
        return jobs.latestJob(kind);
    }

    @Override
    public JobPage listJobs(PageRequest page) {
        return new JobPage(jobs.countJobs(), jobs.listJobs(page.skip(), page.take()).stream().map(this::view).toList());
    }

    @Override
    public void close() {
        heartbeats.shutdownNow();
    }

    private static RekeyException jobRunning(Job job) {
        return new RekeyException(ApplicationErrorCode.JOB_RUNNING, "job " + job.id() + " (" + job.kind().wireName()
                + ") is running on " + job.instance() + " since " + job.startedAt()
                + "; follow it with `rekey jobs` or wait until it ends");
    }

    private static RekeyException takenMeanwhile() {
        return new RekeyException(ApplicationErrorCode.JOB_RUNNING, "another instance started a job at the same"
                + " moment; see `rekey jobs`");
    }

    private static String abandonedBy(Job job) {
        return "abandoned: instance " + job.instance() + " stopped sending heartbeats at " + job.heartbeatAt();
    }

    /** One running job's row as this instance last saved it, and the progress it has reached since. */
    private final class Tracker {
        private Job saved;
        private JobCounts counts;
        private Instant lastWrite;
        private boolean lost;

        Tracker(Job job) {
            this.saved = job;
            this.counts = job.counts();
            this.lastWrite = clock.instant();
        }

        synchronized void progress(Progress next) {
            counts = new JobCounts(next.done(), next.total(), next.failed());
            if (!clock.instant().isBefore(lastWrite.plus(PROGRESS_WRITES))) {
                beat();
            }
        }

        synchronized void beat() {
            if (lost) {
                return;
            }
            try {
                save(saved.withCounts(counts, clock.instant()));
            } catch (RekeyException e) { // a missed heartbeat is retried at the next one
                LOG.warn("could not write job {}'s heartbeat [{}]: {}", saved.id(), e.code(), e.getMessage());
            }
        }

        synchronized void finish(JobState end, String detail, Optional<String> error) {
            Instant now = clock.instant();
            Job finished = saved.withCounts(counts, now).finished(end, now, error);
            try {
                own.inTransaction(() -> {
                    save(finished);
                    audit.record(saved.actor(), saved.kind().finished(), saved.id(),
                            end == JobState.SUCCEEDED ? AuditOutcome.SUCCEEDED : AuditOutcome.FAILED, detail);
                    return null;
                });
            } catch (RekeyException e) {
                LOG.error("could not record the end of job {} [{}]: {}", saved.id(), e.code(), e.getMessage());
            }
        }

        private void save(Job next) {
            lastWrite = clock.instant();
            Optional<Job> stored = jobs.updateJob(next);
            if (stored.isEmpty()) {
                lost = true;
                LOG.warn("job {} was taken over by another instance; this instance no longer updates it", saved.id());
                return;
            }
            saved = stored.get();
        }
    }
}
