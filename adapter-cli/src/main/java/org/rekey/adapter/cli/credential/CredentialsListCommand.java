package org.rekey.adapter.cli.credential;

import java.util.concurrent.Callable;
import org.rekey.adapter.cli.console.CliSession;
import org.rekey.adapter.cli.console.ExitCodes;
import org.rekey.adapter.cli.console.JsonOption;
import org.rekey.application.port.in.credential.CredentialPage;
import org.rekey.application.port.in.credential.ListCredentialsQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code rekey credentials list}: metadata of every credential, never data. */
@Command(name = "list",
        header = "List credentials (metadata only, never data).",
        description = {
            "Lists credentials: id, name, type, the key their data is encrypted with ('legacy' for the "
                    + "legacy format) and dates. Never shows data.",
            "",
            "Shows every credential unless --skip or --take is given."})
final class CredentialsListCommand implements Callable<Integer> {

    private final CliSession session;

    @Mixin
    private JsonOption json;

    @Option(names = "--skip", paramLabel = "N", description = "Leave out the first N credentials.")
    private int skip;

    @Option(names = "--take", paramLabel = "N",
            description = "Show at most N credentials (0 to " + ListCredentialsQuery.MAX_TAKE + ").")
    private Integer take;

    CredentialsListCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        ListCredentialsQuery query = new ListCredentialsQuery(skip, take);
        CredentialPage page = session.credentials().listCredentials().listCredentials(query);
        if (json.enabled()) {
            session.printer().json(CredentialListJson.of(page));
        } else {
            session.printer().table(CredentialOutput.table(page.items()));
        }
        return ExitCodes.OK;
    }
}
