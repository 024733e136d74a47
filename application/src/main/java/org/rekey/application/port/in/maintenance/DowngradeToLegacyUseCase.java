package org.rekey.application.port.in.maintenance;

import org.rekey.application.audit.Actor;

/**
 * Converts every record to the legacy format under the instance key (resumable like re-encryption),
 * after which turning rotation off, or running an older n8n, loses nothing.
 */
public interface DowngradeToLegacyUseCase {
    /** @throws org.rekey.domain.error.RekeyException {@code JOB_RUNNING} while another job runs */
    BatchReport downgradeToLegacy(BatchCommand command, ProgressListener listener, Actor actor);
}
