package org.rekey.application.service.maintenance;

import org.rekey.application.audit.Actor;
import org.rekey.application.job.JobKind;
import org.rekey.application.port.in.maintenance.BatchCommand;
import org.rekey.application.port.in.maintenance.BatchReport;
import org.rekey.application.port.in.maintenance.DowngradeToLegacyUseCase;
import org.rekey.application.port.in.maintenance.ProgressListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Rollback: every record to the legacy format under the instance key, readable by plain OpenSSL. */
public final class DowngradeToLegacyService implements DowngradeToLegacyUseCase {

    private static final Logger LOG = LoggerFactory.getLogger(DowngradeToLegacyService.class);

    private final RecordMover mover;
    private final JobRunner jobs;

    public DowngradeToLegacyService(RecordMover mover, JobRunner jobs) {
        this.mover = mover;
        this.jobs = jobs;
    }

    @Override
    public BatchReport downgradeToLegacy(BatchCommand command, ProgressListener listener, Actor actor) {
        if (command.dryRun()) {
            return move(command, listener);
        }
        return jobs.runNow(JobKind.DOWNGRADE, actor, progress -> move(command, progress.andThen(listener)),
                JobRunner.Ending::of);
    }

    private BatchReport move(BatchCommand command, ProgressListener listener) {
        BatchReport report = mover.move(RecordMover.Target.LEGACY, command, listener);
        if (!report.dryRun()) {
            LOG.info("downgrade to legacy: {} moved, {} skipped, {} failed", report.moved(), report.skipped(),
                    report.failures().size());
        }
        return report;
    }
}
