package org.rekey.application.service.maintenance;

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

    public ReencryptService(RecordMover mover, RekeySettings settings) {
        this.mover = mover;
        this.settings = settings;
    }

    @Override
    public BatchReport reencrypt(BatchCommand command, ProgressListener listener) {
        if (!settings.rotationEnabled()) {
            throw new RekeyException(ErrorCode.ROTATION_DISABLED, "re-encryption moves records to the active data"
                    + " key, which needs N8N_ENV_FEAT_ENCRYPTION_KEY_ROTATION=true");
        }
        BatchReport report = mover.move(RecordMover.Target.ACTIVE_KEY, command, listener);
        if (!report.dryRun()) {
            LOG.info("re-encryption to key {}: {} moved, {} skipped, {} failed", report.target(), report.moved(),
                    report.skipped(), report.failures().size());
        }
        return report;
    }
}
