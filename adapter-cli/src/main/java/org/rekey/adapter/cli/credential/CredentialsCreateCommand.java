package org.rekey.adapter.cli.credential;

import java.util.concurrent.Callable;
import org.rekey.adapter.cli.console.CliSession;
import org.rekey.adapter.cli.console.ExitCodes;
import org.rekey.adapter.cli.console.JsonOption;
import org.rekey.application.port.in.credential.CreateCredentialCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code rekey credentials create}: stores a new credential. */
@Command(name = "create",
        description = "Store a new credential, its data encrypted under the active key. Prints its id and key.",
        footer = {"", "Examples:",
            "  rekey credentials create --name Mail --type smtp --data '{\"user\":\"me\",\"password\":\"s3cret\"}'",
            "  rekey credentials create --name Mail --type smtp --data @mail.json"})
final class CredentialsCreateCommand implements Callable<Integer> {

    private final CliSession session;

    @Mixin
    private JsonOption json;

    @Option(names = "--name", required = true, paramLabel = "N", description = "A name for people to find it by.")
    private String name;

    @Option(names = "--type", required = true, paramLabel = "T", description = "Its type, like smtp or githubApi.")
    private String type;

    @Option(names = "--data", required = true, paramLabel = "JSON|@FILE", description = CredentialDataInput.HELP)
    private String data;

    CredentialsCreateCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        CreateCredentialCommand command = new CreateCredentialCommand(name, type,
                CredentialDataInput.canonical(data, session.json()));
        CredentialOutput.print(session, session.credentials().createCredential().createCredential(command),
                json.enabled());
        return ExitCodes.OK;
    }
}
