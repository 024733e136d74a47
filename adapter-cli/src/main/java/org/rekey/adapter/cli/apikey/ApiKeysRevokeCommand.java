package org.rekey.adapter.cli.apikey;

import java.util.concurrent.Callable;
import org.rekey.adapter.cli.console.CliSession;
import org.rekey.adapter.cli.console.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code rekey api-keys revoke ID}: the token stops working at once. */
@Command(name = "revoke", description = "Revoke an API key: its token stops working at once, on every instance.")
final class ApiKeysRevokeCommand implements Callable<Integer> {

    private final CliSession session;

    @Parameters(paramLabel = "ID", description = "The API key's id, as 'rekey api-keys list' shows it.")
    private String id;

    ApiKeysRevokeCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        session.apiKeys().revokeApiKey().revokeApiKey(id, session.actor());
        session.printer().line("revoked API key " + id);
        return ExitCodes.OK;
    }
}
