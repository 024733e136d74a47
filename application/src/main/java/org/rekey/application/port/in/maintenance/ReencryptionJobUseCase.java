package org.rekey.application.port.in.maintenance;

/** Runs {@link ReencryptUseCase} in the background (for the HTTP API) and reports its progress. */
public interface ReencryptionJobUseCase {

    /** @throws org.rekey.domain.error.RekeyException {@code JOB_RUNNING} if one is running already */
    ReencryptionJob startReencryption(BatchCommand command);

    ReencryptionJob reencryptionJob();
}
