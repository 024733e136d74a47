package org.rekey.adapter.cli.audit;

import java.time.Instant;
import java.util.List;
import org.rekey.application.port.in.maintenance.JobPage;
import org.rekey.application.port.in.maintenance.JobView;

/** {@code rekey jobs --json}: as {@code GET /rest/encryption/jobs}, {@code {count, items}}, newest first. */
record JobsJson(long count, List<Job> items) {

    record Job(String id, String kind, String state, String instance, ActorJson actor, Instant startedAt,
            Instant heartbeatAt, Instant finishedAt, long done, long failed, long remaining, String lastError) {
        static Job of(JobView job) {
            return new Job(job.id(), job.kind().wireName(), job.state().wireName(), job.instance(),
                    ActorJson.of(job.actor()), job.startedAt(), job.heartbeatAt(), job.finishedAt().orElse(null),
                    job.progress().done(), job.progress().failed(), job.progress().remaining(),
                    job.lastError().orElse(null));
        }
    }

    static JobsJson of(JobPage page) {
        return new JobsJson(page.count(), page.items().stream().map(Job::of).toList());
    }
}
