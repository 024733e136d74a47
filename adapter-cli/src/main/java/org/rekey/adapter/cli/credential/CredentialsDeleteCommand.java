package org.rekey.adapter.cli.credential;

import java.util.concurrent.Callable;
import org.rekey.adapter.cli.console.CliSession;
import org.rekey.adapter.cli.console.ExitCodes;
import org.rekey.domain.record.RecordId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code rekey credentials delete ID}. */
@Command(name = "delete", description = "Delete a credential for good.")
final class CredentialsDeleteCommand implements Callable<Integer> {

    private final CliSession session;

    @Parameters(paramLabel = "ID", description = "The credential's id.")
    private String id;

    CredentialsDeleteCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        RecordId recordId = new RecordId(id);
        session.credentials().deleteCredential().deleteCredential(recordId);
        session.printer().line("deleted credential " + recordId);
        return ExitCodes.OK;
    }
}
