package org.rekey.adapter.cli.credential;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.rekey.adapter.cli.console.CliSession;
import org.rekey.adapter.cli.console.ExitCodes;
import org.rekey.adapter.cli.console.TextFiles;
import org.rekey.application.port.in.credential.ExportCredentialsUseCase;
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

    @Option(names = "--output", paramLabel = "FILE", description = "Write to FILE (mode 0600) instead of stdout.")
    private Path output;

    CredentialsExportCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() throws IOException {
        ExportCredentialsUseCase export = session.credentials().exportCredentials();
        if (decrypted) {
            session.printer().warning("this export holds every secret decrypted, in plain text; keep it private"
                    + " and delete it when you are done");
        }
        if (output == null) {
            ExportFileWriter.write(session.printer().outWriter(), export, decrypted, session.json());
        } else {
            long count = TextFiles.writePrivate(output,
                    writer -> ExportFileWriter.write(writer, export, decrypted, session.json()));
            session.printer().line("exported " + count + " credentials to " + output);
        }
        return ExitCodes.OK;
    }
}
