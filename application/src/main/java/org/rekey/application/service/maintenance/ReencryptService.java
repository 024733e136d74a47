package org.rekey.application.service.maintenance;

import org.rekey.application.audit.Actor;
import org.rekey.application.job.JobKind;
import org.rekey.application.port.in.maintenance.BatchCommand;
import org.rekey.application.port.in.maintenance.BatchReport;
import org.rekey.application.port.in.maintenance.ProgressListener;
import org.rekey.application.port.in.maintenance.ReencryptUseCase;
import org.rekey.application.service.keyring.RekeySettings;
import org.rekey.domain.error.ErrorCode;
import org.rekey.domain.error.RekeyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Eager re-encryption: every record to the active key. */
public final class ReencryptService implements ReencryptUseCase {

    private static final Logger LOG = LoggerFactory.getLogger(ReencryptService.class);

    private final RecordMover mover;
    private final RekeySettings settings;
    private final JobRunner jobs;

    public ReencryptService(RecordMover mover, RekeySettings settings, JobRunner jobs) {
        this.mover = mover;
        this.settings = settings;
        this.jobs = jobs;
    }

    @Override
    public BatchReport reencrypt(BatchCommand command, ProgressListener listener, Actor actor) {
        requireEnabled();
        if (command.dryRun()) {
            return move(command, listener);
        }
        return jobs.runNow(JobKind.REENCRYPT, actor, progress -> move(command, progress.andThen(listener)),
                JobRunner.Ending::of);
    }

    /** @throws RekeyException {@code ROTATION_DISABLED} while rotation is off */
    void requireEnabled() {
        if (!settings.rotationEnabled()) {
            throw new RekeyException(ErrorCode.ROTATION_DISABLED, "re-encryption moves records to the active data"
                    + " key, which needs N8N_ENV_FEAT_ENCRYPTION_KEY_ROTATION=true");
        }
    }

    /** The work of re-encryption, without its job. */
    BatchReport move(BatchCommand command, ProgressListener listener) {
        BatchReport report = mover.move(RecordMover.Target.ACTIVE_KEY, command, listener);
        if (!report.dryRun()) {
            LOG.info("re-encryption to key {}: {} moved, {} skipped, {} failed", report.target(), report.moved(),
                    report.skipped(), report.failures().size());
        }
        return report;
    }
}
