package org.rekey.application.port.in.maintenance;

import java.time.Instant;
import java.util.Optional;

/**
 * The state of this instance's background re-encryption job.
 *
 * @param state {@code idle}, {@code running}, {@code succeeded} or {@code failed}
 */
public record ReencryptionJob(String state, Optional<Instant> startedAt, Optional<Instant> finishedAt,
        Progress progress, Optional<BatchReport> report, Optional<String> error) {

    public static ReencryptionJob idle() {
        return new ReencryptionJob("idle", Optional.empty(), Optional.empty(), new Progress(0, 0, 0),
                Optional.empty(), Optional.empty());
    }
}
