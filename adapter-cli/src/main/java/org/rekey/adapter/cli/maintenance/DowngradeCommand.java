package org.rekey.adapter.cli.maintenance;

import java.util.concurrent.Callable;
import org.rekey.adapter.cli.console.CliSession;
import org.rekey.adapter.cli.console.ExitCodes;
import org.rekey.adapter.cli.console.JsonOption;
import org.rekey.application.port.in.maintenance.BatchCommand;
import org.rekey.application.port.in.maintenance.BatchReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code rekey downgrade --to-legacy}: every record back to the legacy format, so rotation can be turned off. */
@Command(name = "downgrade",
        header = "Convert every record back to the legacy format.",
        description = {
            "Converts every record to the legacy format under the instance key, so that turning "
                    + "N8N_ENV_FEAT_ENCRYPTION_KEY_ROTATION off, or going back to an n8n without data keys, loses "
                    + "nothing. Resumable like 'rekey reencrypt'.",
            "",
            "Exit 1 if any record could not be converted."})
final class DowngradeCommand implements Callable<Integer> {

    static final String SAFE = "every record is now in the legacy format: turning N8N_ENV_FEAT_ENCRYPTION_KEY_ROTATION"
            + " off, or running an older n8n with the same N8N_ENCRYPTION_KEY, is now safe. Turn it off on every"
            + " instance before they write again: while it is on, new writes use data keys";

    private final CliSession session;

    @Mixin
    private JsonOption json;

    @Mixin
    private BatchSizeOption batchSize;

    @Option(names = "--to-legacy", required = true,
            description = "Required: confirms the target, the legacy format under the instance key.")
    private boolean toLegacy;

    @Option(names = "--dry-run", description = "Only count what would be converted; change nothing.")
    private boolean dryRun;

    DowngradeCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        BatchCommand command = new BatchCommand(batchSize.value(), dryRun);
        BatchReport report = ReportOutput.runBatch(session, json, dryRun ? "counting" : "converting to legacy",
                progress -> session.maintenance().downgradeToLegacy()
                        .downgradeToLegacy(command, progress, session.actor()),
                done -> "to the legacy format");
        if (!report.succeeded()) {
            session.printer().error(report.failures().size() + " records could not be converted (listed on stdout),"
                    + " so keep rotation on; fix or delete them, then run 'rekey downgrade --to-legacy' again");
            return ExitCodes.FAILURE;
        }
        if (!dryRun && json.enabled()) {
            session.printer().notice(SAFE);
        } else if (!dryRun) {
            session.printer().line(SAFE);
        }
        return ExitCodes.OK;
    }
}
