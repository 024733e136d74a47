package org.rekey.application.service.maintenance;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.rekey.application.error.ApplicationErrorCode;
import org.rekey.application.port.in.maintenance.BatchCommand;
import org.rekey.application.port.in.maintenance.BatchReport;
import org.rekey.application.port.in.maintenance.Progress;
import org.rekey.application.port.in.maintenance.ReencryptUseCase;
import org.rekey.application.port.in.maintenance.ReencryptionJob;
import org.rekey.application.port.in.maintenance.ReencryptionJobUseCase;
import org.rekey.domain.error.RekeyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs re-encryption on a background thread of this instance, one job at a time, and tracks its progress. */
public final class ReencryptionJobService implements ReencryptionJobUseCase, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReencryptionJobService.class);

    private final ReencryptUseCase reencrypt;
    private final Clock clock;
    private final AtomicReference<ReencryptionJob> job = new AtomicReference<>(ReencryptionJob.idle());
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "rekey-reencryption");
        thread.setDaemon(true);
        return thread;
    });

    public ReencryptionJobService(ReencryptUseCase reencrypt, Clock clock) {
        this.reencrypt = reencrypt;
        this.clock = clock;
    }

    @Override
    public synchronized ReencryptionJob startReencryption(BatchCommand command) {
        if (job.get().state().equals("running")) {
            throw new RekeyException(ApplicationErrorCode.JOB_RUNNING, "a re-encryption is running already; follow its progress");
        }
        ReencryptionJob started = new ReencryptionJob("running", Optional.of(clock.instant()), Optional.empty(),
                new Progress(0, 0, 0), Optional.empty(), Optional.empty());
        job.set(started);
        executor.execute(() -> run(started, command));
        return started;
    }

    private void run(ReencryptionJob started, BatchCommand command) {
        try {
            BatchReport report = reencrypt.reencrypt(command, progress -> job.set(new ReencryptionJob("running",
                    started.startedAt(), Optional.empty(), progress, Optional.empty(), Optional.empty())));
            job.set(new ReencryptionJob(report.succeeded() ? "succeeded" : "failed", started.startedAt(),
                    Optional.of(clock.instant()), job.get().progress(), Optional.of(report), Optional.empty()));
        } catch (RuntimeException e) { // the job's thread must record every failure, whatever its type
            LOG.error("re-encryption job failed", e);
            String message = e instanceof RekeyException r ? r.getMessage() : "internal error; see the server log";
            job.set(new ReencryptionJob("failed", started.startedAt(), Optional.of(clock.instant()),
                    job.get().progress(), Optional.empty(), Optional.of(message)));
        }
    }

    @Override
    public ReencryptionJob reencryptionJob() {
        return job.get();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
