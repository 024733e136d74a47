package org.rekey.application.job;

import org.rekey.application.audit.WireName;
import org.rekey.domain.error.RekeyException;

/**
 * Where a job is. {@code ABANDONED} is stored for a job another one replaced, and shown for a running job whose
 * instance stopped sending heartbeats.
 */
public enum JobState implements WireName {
    RUNNING("running"), SUCCEEDED("succeeded"), FAILED("failed"), ABANDONED("abandoned");

    private final String wireName;

    JobState(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    /** @throws RekeyException {@code INVALID_INPUT} naming the names there are */
    public static JobState fromWire(String name) {
        return WireName.parse(JobState.class, name, "job state");
    }
}
