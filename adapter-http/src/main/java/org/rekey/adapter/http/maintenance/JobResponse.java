package org.rekey.adapter.http.maintenance;

import java.time.Instant;
import org.rekey.adapter.http.audit.ActorResponse;
import org.rekey.application.port.in.maintenance.JobView;

/** One of the fleet's jobs: what, where, who, when, how far, and its last error. */
public record JobResponse(String id, String kind, String state, String instance, ActorResponse actor,
        Instant startedAt, Instant heartbeatAt, Instant finishedAt, long done, long failed, long remaining,
        String lastError) {

    public static JobResponse of(JobView job) {
        return new JobResponse(job.id(), job.kind().wireName(), job.state().wireName(), job.instance(),
                ActorResponse.of(job.actor()), job.startedAt(), job.heartbeatAt(), job.finishedAt().orElse(null),
                job.progress().done(), job.progress().failed(), job.progress().remaining(),
                job.lastError().orElse(null));
    }
}
