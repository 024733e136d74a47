package org.rekey.application.port.in.maintenance;

/**
 * Moves every record not on the active key to it, in batches committed one by one. Resumable:
 * a killed run leaves every record readable, and running it again finishes the work. Several
 * instances may run it at once.
 */
public interface ReencryptUseCase {
    /** @throws org.rekey.domain.error.RekeyException {@code ROTATION_DISABLED} while rotation is off */
    BatchReport reencrypt(BatchCommand command, ProgressListener listener);
}
