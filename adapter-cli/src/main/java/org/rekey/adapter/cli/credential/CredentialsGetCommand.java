package org.rekey.adapter.cli.credential;

import java.util.concurrent.Callable;
import org.rekey.adapter.cli.console.CliSession;
import org.rekey.adapter.cli.console.ExitCodes;
import org.rekey.adapter.cli.console.JsonOption;
import org.rekey.domain.record.RecordId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code rekey credentials get ID}: one credential with its decrypted data. */
@Command(name = "get", description = "Show one credential with its decrypted data.")
final class CredentialsGetCommand implements Callable<Integer> {

    private final CliSession session;

    @Mixin
    private JsonOption json;

    @Parameters(paramLabel = "ID", description = "The credential's id, as 'rekey credentials list' shows it.")
    private String id;

    CredentialsGetCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        RecordId recordId = new RecordId(id);
        CredentialOutput.print(session, session.credentials().getCredential().getCredential(recordId, true),
                json.enabled());
        return ExitCodes.OK;
    }
}
