package org.rekey.adapter.cli.credential;

import java.util.Optional;
import java.util.concurrent.Callable;
import org.rekey.adapter.cli.console.CliSession;
import org.rekey.adapter.cli.console.ExitCodes;
import org.rekey.adapter.cli.console.JsonOption;
import org.rekey.application.port.in.credential.UpdateCredentialCommand;
import org.rekey.domain.record.RecordId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rekey credentials update ID}: renames and/or replaces data; the data moves to the active key. */
@Command(name = "update",
        header = "Rename a credential or replace its data.",
        description = {
            "Renames a credential and/or replaces its data (give at least one). Either way its data is "
                    + "re-encrypted under the active key."},
        footer = {"", "Example:", "  rekey credentials update Ab12Cd34Ef56Gh78 --data @mail.json"})
final class CredentialsUpdateCommand implements Callable<Integer> {

    private final CliSession session;

    @Mixin
    private JsonOption json;

    @Parameters(paramLabel = "ID", description = "The credential's id.")
    private String id;

    @Option(names = "--name", paramLabel = "N", description = "The new name.")
    private String name;

    @Option(names = "--data", paramLabel = "JSON|@FILE", description = CredentialDataInput.HELP)
    private String data;

    CredentialsUpdateCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        UpdateCredentialCommand command = new UpdateCredentialCommand(new RecordId(id), Optional.ofNullable(name),
                Optional.ofNullable(data).map(text -> CredentialDataInput.canonical(text, session.json())),
                Optional.empty());
        CredentialOutput.print(session, session.credentials().updateCredential().updateCredential(command),
                json.enabled());
        return ExitCodes.OK;
    }
}
