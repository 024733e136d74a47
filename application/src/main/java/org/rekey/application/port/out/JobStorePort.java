package org.rekey.application.port.out;

import java.util.List;
import java.util.Optional;
import org.rekey.application.job.Job;
import org.rekey.application.job.JobKind;

/** Job rows in rekey's own database, shared by every instance: at most one is running at a time. */
public interface JobStorePort {

    /**
     * Inserts a running job; the store itself allows one running job at a time.
     *
     * @return the stored job, with its version
     * @throws org.rekey.domain.error.RekeyException {@code JOB_RUNNING} when another job is running already
     *     (nothing was inserted)
     */
    Job insertJob(Job job);

    /**
     * Saves {@code job} over the stored row if the row still has {@code job.version()}.
     *
     * @return the saved job with its new version; empty when another instance changed or took over the job
     */
    Optional<Job> updateJob(Job job);

    /** The job in state running, if any (alive or not). */
    Optional<Job> runningJob();

    Optional<Job> latestJob(JobKind kind);

    /** Newest first. */
    List<Job> listJobs(int skip, int take);

    long countJobs();
}
