package org.rekey.application.port.in.maintenance;

import org.rekey.application.port.in.PageRequest;

/** The fleet's jobs (re-encryption, downgrade, instance-key change), newest first. */
public interface ListJobsUseCase {

    JobPage listJobs(PageRequest page);
}
