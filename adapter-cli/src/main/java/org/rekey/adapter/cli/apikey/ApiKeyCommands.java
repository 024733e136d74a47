package org.rekey.adapter.cli.apikey;

import org.rekey.adapter.cli.console.CliSession;
import picocli.CommandLine;

/** Builds {@code rekey api-keys} and its subcommands. */
public final class ApiKeyCommands {

    private ApiKeyCommands() {
    }

    public static CommandLine group(CliSession session) {
        return new CommandLine(new ApiKeysCommand())
                .addSubcommand(new ApiKeysCreateCommand(session))
                .addSubcommand(new ApiKeysListCommand(session))
                .addSubcommand(new ApiKeysRevokeCommand(session));
    }
}
