package org.rekey.application.port.in.maintenance;

import java.time.Instant;
import java.util.Optional;
import org.rekey.application.audit.Actor;
import org.rekey.application.job.Job;
import org.rekey.application.job.JobKind;
import org.rekey.application.job.JobState;

/**
 * A job as shown to a user: {@code state} is as of the moment it was read (a running job without heartbeats is
 * {@code ABANDONED}).
 */
public record JobView(String id, JobKind kind, JobState state, String instance, Actor actor, Instant startedAt,
        Instant heartbeatAt, Optional<Instant> finishedAt, Progress progress, Optional<String> lastError) {

    public static JobView of(Job job, JobState shownState) {
        return new JobView(job.id(), job.kind(), shownState, job.instance(), job.actor(), job.startedAt(),
                job.heartbeatAt(), job.finishedAt(),
                new Progress(job.counts().done(), job.counts().total(), job.counts().failed()), job.lastError());
    }
}
