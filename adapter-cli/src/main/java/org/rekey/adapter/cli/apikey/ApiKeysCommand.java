package org.rekey.adapter.cli.apikey;

import java.util.concurrent.Callable;
import org.rekey.adapter.cli.console.GroupHelp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code rekey api-keys}: tokens for the HTTP API. */
@Command(name = "api-keys",
        header = "Manage API tokens for the HTTP API.",
        description = {
            "Tokens call the HTTP API in the header X-N8N-API-KEY or Authorization: Bearer. A token is shown "
                    + "once, when created; only its hash is stored."},
        synopsisSubcommandLabel = "COMMAND")
final class ApiKeysCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        return GroupHelp.missingCommand(spec);
    }
}
