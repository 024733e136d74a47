package org.rekey.adapter.cli.maintenance;

import java.util.concurrent.Callable;
import org.rekey.adapter.cli.console.CliSession;
import org.rekey.adapter.cli.console.ExitCodes;
import org.rekey.adapter.cli.console.JsonOption;
import org.rekey.application.port.in.maintenance.VerifyReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code rekey verify}: decrypts every record, counts per key, lists failures; exit 1 on any failure. */
@Command(name = "verify",
        header = "Decrypt every record; count records per key; list failures.",
        description = {
            "Decrypts every record (without printing any data) and shows how many records use each key, and "
                    + "every record that fails with its error code.",
            "",
            "Exit 0 when all decrypt, 1 when any fails."})
final class VerifyCommand implements Callable<Integer> {

    private final CliSession session;

    @Mixin
    private JsonOption json;

    VerifyCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        VerifyReport report = session.runJob("verifying",
                progress -> session.maintenance().verifyRecords().verifyRecords(progress));
        if (json.enabled()) {
            session.printer().json(VerifyReportJson.of(report));
        } else {
            session.printer().table(ReportOutput.counts(report));
            session.printer().line(report.total() + " records, " + report.failures().size() + " failed");
            ReportOutput.failures(session.printer(), report.failures());
        }
        if (!report.succeeded()) {
            session.printer().error(report.failures().size() + " of " + report.total() + " records do not decrypt"
                    + " (listed on stdout with their error codes); restore them or delete them");
            return ExitCodes.FAILURE;
        }
        return ExitCodes.OK;
    }
}
