package org.rekey.adapter.cli.audit;

import java.util.concurrent.Callable;
import org.rekey.adapter.cli.console.CliSession;
import org.rekey.adapter.cli.console.ExitCodes;
import org.rekey.adapter.cli.console.JsonOption;
import org.rekey.adapter.cli.console.Table;
import org.rekey.application.port.in.PageRequest;
import org.rekey.application.port.in.maintenance.JobPage;
import org.rekey.application.port.in.maintenance.JobView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code rekey jobs}: the fleet's re-encryption, downgrade and instance-key change jobs, newest first. */
@Command(name = "jobs",
        header = "List the fleet's jobs (re-encryption, downgrade, instance-key change), newest first.",
        description = {
            "Lists the jobs every instance on this database ran or runs: id, kind, state, the instance"
                    + " (host:pid) that runs it, who started it, records done, failed and remaining, and its"
                    + " last error. One job runs at a time. A running job whose instance stopped sending"
                    + " heartbeats is shown as abandoned: start the same kind again (rekey reencrypt) to resume"
                    + " it."},
        footer = {"", "Examples:", "  rekey jobs", "  rekey jobs --json"})
final class JobsCommand implements Callable<Integer> {

    private final CliSession session;

    @Mixin
    private JsonOption json;

    @Option(names = "--skip", paramLabel = "N", description = "Leave out the newest N jobs.")
    private int skip;

    @Option(names = "--take", paramLabel = "N", defaultValue = "" + PageRequest.DEFAULT_TAKE,
            description = "Show at most N jobs (1 to " + PageRequest.MAX_TAKE + "; default ${DEFAULT-VALUE}).")
    private int take;

    JobsCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        JobPage page = session.maintenance().listJobs().listJobs(new PageRequest(skip, take));
        if (json.enabled()) {
            session.printer().json(JobsJson.of(page));
            return ExitCodes.OK;
        }
        Table table = Table.withHeader("ID", "KIND", "STATE", "INSTANCE", "STARTED BY", "STARTED", "FINISHED",
                "DONE", "FAILED", "REMAINING", "LAST ERROR");
        for (JobView job : page.items()) {
            table.row(job.id(), job.kind().wireName(), job.state().wireName(), job.instance(), job.actor().id(),
                    job.startedAt(), job.finishedAt().map(Object::toString).orElse("-"), job.progress().done(),
                    job.progress().failed(), job.progress().remaining(), job.lastError().orElse(""));
        }
        session.printer().table(table);
        session.printer().line(page.items().size() + " of " + page.count() + " jobs");
        return ExitCodes.OK;
    }
}
