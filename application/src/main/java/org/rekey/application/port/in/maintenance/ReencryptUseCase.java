package org.rekey.application.port.in.maintenance;

import org.rekey.application.audit.Actor;

/**
 * Moves every record not on the active key to it, in batches committed one by one. Resumable:
 * a killed run leaves every record readable, and running it again finishes the work. Several
 * instances may run it at once.
 */
public interface ReencryptUseCase {
    /**
     * Runs as a job of the fleet (a dry run only reports, without a job).
     *
     * @throws org.rekey.domain.error.RekeyException {@code ROTATION_DISABLED} while rotation is off;
     *     {@code JOB_RUNNING} while another job runs
     */
    BatchReport reencrypt(BatchCommand command, ProgressListener listener, Actor actor);
}
