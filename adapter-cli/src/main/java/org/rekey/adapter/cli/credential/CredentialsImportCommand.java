package org.rekey.adapter.cli.credential;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.rekey.adapter.cli.console.CliSession;
import org.rekey.adapter.cli.console.ExitCodes;
import org.rekey.application.port.in.credential.PortableCredential;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code rekey credentials import FILE}: n8n's exported credentials, data kept encrypted. */
@Command(name = "import",
        header = "Import credentials exported by n8n, data kept encrypted.",
        description = {
            "Imports the credentials that 'n8n export:credentials --all --output=FILE' wrote, keeping their "
                    + "data encrypted as it is. They must decrypt with this instance's keys: use the same "
                    + "N8N_ENCRYPTION_KEY as that n8n, and import its data keys first with 'rekey keys import'.",
            "",
            "All or nothing: if any entry is wrong, nothing is imported and the error names the entry."})
final class CredentialsImportCommand implements Callable<Integer> {

    private final CliSession session;

    @Parameters(paramLabel = "FILE", description = "The JSON file n8n exported.")
    private Path file;

    CredentialsImportCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        List<PortableCredential> credentials = ExportFileReader.read(file, session.json());
        int imported = session.credentials().importCredentials().importCredentials(credentials);
        session.printer().line("imported " + imported + " credentials from " + file);
        return ExitCodes.OK;
    }
}
