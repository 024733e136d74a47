package org.rekey.application.job;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.rekey.application.audit.Actor;

/**
 * One job's row, shared by every instance: what it is, who started it, which instance runs it, its last
 * heartbeat and progress, and how it ended. {@code version} is the store's optimistic lock: a save of a job
 * another instance changed meanwhile fails.
 */
public record Job(String id, JobKind kind, JobState state, String instance, Actor actor, Instant startedAt,
        Instant heartbeatAt, Optional<Instant> finishedAt, JobCounts counts, Optional<String> lastError,
        long version) {

    public static final int MAX_ERROR_LENGTH = 1000;

    public Job {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(heartbeatAt, "heartbeatAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        Objects.requireNonNull(counts, "counts");
        lastError = lastError.map(e -> e.length() <= MAX_ERROR_LENGTH ? e : e.substring(0, MAX_ERROR_LENGTH));
    }

    /** The state to show at {@code now}: a running job silent for longer than {@code deadAfter} is abandoned. */
    public JobState stateAt(Instant now, Duration deadAfter) {
        return state == JobState.RUNNING && heartbeatAt.plus(deadAfter).isBefore(now) ? JobState.ABANDONED : state;
    }

    public Job withCounts(JobCounts next, Instant at) {
        return new Job(id, kind, state, instance, actor, startedAt, at, finishedAt, next, lastError, version);
    }

    public Job finished(JobState end, Instant at, Optional<String> error) {
        return new Job(id, kind, end, instance, actor, startedAt, at, Optional.of(at), counts, error, version);
    }

    /** The same job, run on from here by {@code newInstance} (its counts go on from where they were). */
    public Job takenOver(String newInstance, Instant at) {
        return new Job(id, kind, JobState.RUNNING, newInstance, actor, startedAt, at, Optional.empty(), counts,
                lastError, version);
    }
}
