package org.rekey.adapter.cli.credential;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.rekey.adapter.cli.console.CliSession;
import org.rekey.adapter.cli.console.ExitCodes;
import org.rekey.adapter.cli.console.TextFiles;
import org.rekey.application.port.in.credential.ExportCredentialsCommand;
import org.rekey.application.port.in.credential.ExportCredentialsUseCase;
import org.rekey.application.port.in.credential.ExportReport;
import org.rekey.application.port.in.maintenance.RecordFailure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rekey credentials export}: every credential in n8n's export shape. */
@Command(name = "export",
        header = "Export every credential as n8n's export JSON.",
        description = {
            "Writes every credential as the JSON array that 'n8n export:credentials --all' writes, to stdout "
                    + "or to --output FILE (created readable by you only, mode 0600). Data stays encrypted unless "
                    + "--decrypted.",
            "",
            "An encrypted export can be imported by n8n or rekey that use the same instance key."})
final class CredentialsExportCommand implements Callable<Integer> {

    private final CliSession session;

    @Option(names = "--decrypted",
            description = "Write the data decrypted, as JSON objects. The result holds every secret in plain text.")
    private boolean decrypted;

    @Option(names = "--keep-going",
            description = "With --decrypted: leave out a record that does not decrypt instead of stopping, and list"
                    + " every such record at the end (exit 1).")
    private boolean keepGoing;

    @Option(names = "--output", paramLabel = "FILE", description = "Write to FILE (mode 0600) instead of stdout.")
    private Path output;

    CredentialsExportCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() throws IOException {
        ExportCredentialsCommand command = new ExportCredentialsCommand(decrypted, keepGoing);
        ExportCredentialsUseCase export = session.credentials().exportCredentials();
        if (decrypted) {
            session.printer().warning("this export holds every secret decrypted, in plain text; keep it private"
                    + " and delete it when you are done");
        }
        ExportReport report;
        if (output == null) {
            report = ExportFileWriter.write(session.printer().outWriter(), export, command, session.json());
        } else {
            report = TextFiles.writePrivate(output,
                    writer -> ExportFileWriter.write(writer, export, command, session.json()));
            session.printer().line("exported " + report.exported() + " credentials to " + output);
        }
        if (report.failures().isEmpty()) {
            return ExitCodes.OK;
        }
        for (RecordFailure failure : report.failures()) {
            session.printer().notice("not exported: credential " + failure.recordId() + ": " + failure.message()
                    + " [" + failure.code() + "]");
        }
        session.printer().error(report.failures().size() + " credentials do not decrypt and are not in the export"
                + " (listed above); it holds the other " + report.exported() + ". Run 'rekey verify' for details");
        return ExitCodes.FAILURE;
    }
}
