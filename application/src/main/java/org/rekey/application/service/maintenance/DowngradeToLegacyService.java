package org.rekey.application.service.maintenance;

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

    public DowngradeToLegacyService(RecordMover mover) {
        this.mover = mover;
    }

    @Override
    public BatchReport downgradeToLegacy(BatchCommand command, ProgressListener listener) {
        BatchReport report = mover.move(RecordMover.Target.LEGACY, command, listener);
        if (!report.dryRun()) {
            LOG.info("downgrade to legacy: {} moved, {} skipped, {} failed", report.moved(), report.skipped(),
                    report.failures().size());
        }
        return report;
    }
}
