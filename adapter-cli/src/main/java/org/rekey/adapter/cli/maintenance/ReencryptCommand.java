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

/** {@code rekey reencrypt}: moves every record to the active key. */
@Command(name = "reencrypt",
        header = "Move every record to the active data key.",
        description = {
            "Moves every record that is not on the active data key to it (legacy-format records too), in "
                    + "batches that are committed one by one. Safe to stop at any moment and run again: it continues "
                    + "where it stopped. Several instances may run it at once. Records that users update meanwhile are "
                    + "never overwritten.",
            "",
            "Afterwards old keys are unused and can be destroyed with 'rekey keys destroy'.",
            "",
            "Needs N8N_ENV_FEAT_ENCRYPTION_KEY_ROTATION=true. Exit 1 if any record could not be moved."})
final class ReencryptCommand implements Callable<Integer> {

    private final CliSession session;

    @Mixin
    private JsonOption json;

    @Mixin
    private BatchSizeOption batchSize;

    @Option(names = "--dry-run", description = "Only count what would move, per key; change nothing.")
    private boolean dryRun;

    ReencryptCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        BatchCommand command = new BatchCommand(batchSize.value(), dryRun);
        BatchReport report = ReportOutput.runBatch(session, json, dryRun ? "counting" : "re-encrypting",
                progress -> session.maintenance().reencrypt().reencrypt(command, progress, session.actor()),
                done -> "to key " + done.target().wireName());
        if (!report.succeeded()) {
            session.printer().error(report.failures().size() + " records could not be re-encrypted (listed on"
                    + " stdout); run 'rekey verify' for details, fix or delete them, then run 'rekey reencrypt' again");
            return ExitCodes.FAILURE;
        }
        return ExitCodes.OK;
    }
}
