package org.rekey.application.job;

import org.rekey.domain.error.RekeyException;

/**
 * Where a job is. {@code ABANDONED} is stored for a job another one replaced, and shown for a running job whose
 * instance stopped sending heartbeats.
 */
public enum JobState {
    RUNNING("running"), SUCCEEDED("succeeded"), FAILED("failed"), ABANDONED("abandoned");

    private final String wireName;

    JobState(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static JobState fromWire(String name) {
        for (JobState state : values()) {
            if (state.wireName.equals(name)) {
                return state;
            }
        }
        throw RekeyException.invalid("unknown job state '" + name + "'");
    }
}
