package org.rekey.adapter.cli.apikey;

import java.util.List;
import java.util.concurrent.Callable;
import org.rekey.adapter.cli.console.CliSession;
import org.rekey.adapter.cli.console.ExitCodes;
import org.rekey.adapter.cli.console.JsonOption;
import org.rekey.adapter.cli.console.Table;
import org.rekey.application.port.in.apikey.ApiKeyView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code rekey api-keys list}: labels, scopes and dates, never tokens. */
@Command(name = "list", description = "List API keys: id, label, scopes, when created and when revoked. Never tokens.")
final class ApiKeysListCommand implements Callable<Integer> {

    private final CliSession session;

    @Mixin
    private JsonOption json;

    ApiKeysListCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        List<ApiKeyView> keys = session.apiKeys().listApiKeys().listApiKeys();
        if (json.enabled()) {
            session.printer().json(new ApiKeyListJson(keys.size(), keys.stream().map(ApiKeyJson::of).toList()));
            return ExitCodes.OK;
        }
        Table table = Table.withHeader("ID", "LABEL", "SCOPES", "CREATED", "REVOKED");
        for (ApiKeyView key : keys) {
            table.row(key.id(), key.label(), String.join(",", ApiKeyJson.scopeNames(key)), key.createdAt(),
                    key.revokedAt().map(Object::toString).orElse("-"));
        }
        session.printer().table(table);
        return ExitCodes.OK;
    }
}
