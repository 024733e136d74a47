package org.rekey.application.port.in.maintenance;

import org.rekey.application.audit.Actor;

/** Runs {@link ReencryptUseCase} in the background (for the HTTP API) and reports its progress. */
public interface ReencryptionJobUseCase {

    /**
     * Starts a re-encryption job on this instance, or resumes an abandoned one; while a re-encryption runs on any
     * instance, returns that one instead of starting another.
     *
     * @throws org.rekey.domain.error.RekeyException {@code JOB_RUNNING} naming the job while a job of another
     *     kind runs; {@code ROTATION_DISABLED} while rotation is off
     */
    ReencryptionJob startReencryption(BatchCommand command, Actor actor);

    /** The fleet's latest re-encryption job. */
    ReencryptionJob reencryptionJob();
}
