package org.rekey.application.port.in.maintenance;

import java.util.List;

/** A page of jobs, newest first, and how many there are in all. */
public record JobPage(long count, List<JobView> items) {

    public JobPage {
        items = List.copyOf(items);
    }
}
