package org.rekey.adapter.cli.apikey;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.rekey.adapter.cli.console.CliSession;
import org.rekey.adapter.cli.console.ExitCodes;
import org.rekey.adapter.cli.console.JsonOption;
import org.rekey.application.apikey.Scope;
import org.rekey.application.port.in.apikey.CreateApiKeyCommand;
import org.rekey.application.port.in.apikey.CreatedApiKey;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code rekey api-keys create}: a new token, printed once. */
@Command(name = "create",
        header = "Create an API token; it is printed once.",
        description = {
            "Creates an API token and prints it, once: only its hash is stored. Without --json, stdout holds "
                    + "only the token, so TOKEN=$(rekey api-keys create ...) works.",
            "",
            "Scopes: " + ApiKeysCreateCommand.SCOPES + "."},
        footer = {"", "Examples:",
            "  rekey api-keys create --label ops --owner",
            "  rekey api-keys create --label reader --scopes credential:list,credential:read"})
final class ApiKeysCreateCommand implements Callable<Integer> {

    static final String SCOPES = "encryptionKey:manage, credential:create, credential:read, credential:update,"
            + " credential:delete, credential:list";

    private final CliSession session;

    @Mixin
    private JsonOption json;

    @Option(names = "--label", required = true, paramLabel = "L", description = "What the token is for, like 'ci'.")
    private String label;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Grant grant;

    /** Either named scopes or every scope. */
    static final class Grant {
        @Option(names = "--scopes", split = ",", paramLabel = "S",
                description = "Comma-separated scopes the token may use.")
        private List<String> scopes;

        @Option(names = "--owner", description = "Grant every scope.")
        private boolean owner;
    }

    ApiKeysCreateCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        Set<Scope> scopes = grant.owner ? EnumSet.allOf(Scope.class)
                : grant.scopes.stream().map(String::strip).map(Scope::fromWire).collect(Collectors.toSet());
        CreateApiKeyCommand command = new CreateApiKeyCommand(label, scopes);
        CreatedApiKey created = session.apiKeys().createApiKey().createApiKey(command, session.actor());
        if (json.enabled()) {
            session.printer().json(CreatedApiKeyJson.of(created));
        } else {
            session.printer().notice("created API key " + created.key().id() + " '" + created.key().label()
                    + "' with scopes " + String.join(", ", ApiKeyJson.scopeNames(created.key()))
                    + "; copy the token now, it is shown only this once:");
            session.printer().value(created.token());
        }
        return ExitCodes.OK;
    }
}
