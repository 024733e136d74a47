package org.rekey.adapter.http.maintenance;

import java.util.List;
import org.rekey.application.port.in.maintenance.JobPage;

/** A page of the fleet's jobs, newest first: {@code {count, items}}. */
public record JobPageResponse(long count, List<JobResponse> items) {

    public static JobPageResponse of(JobPage page) {
        return new JobPageResponse(page.count(), page.items().stream().map(JobResponse::of).toList());
    }
}
