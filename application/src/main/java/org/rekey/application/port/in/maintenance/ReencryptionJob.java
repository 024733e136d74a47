package org.rekey.application.port.in.maintenance;

import java.util.Optional;

/**
 * The fleet's latest re-encryption job (empty: none ever ran), and its full report once it has ended, when this
 * instance ran it (other instances show its counts).
 */
public record ReencryptionJob(Optional<JobView> job, Optional<BatchReport> report) {

    public static ReencryptionJob idle() {
        return new ReencryptionJob(Optional.empty(), Optional.empty());
    }
}
