package org.rekey.adapter.cli.value;

import org.rekey.adapter.cli.console.CliSession;
import picocli.CommandLine;

/** Builds {@code rekey values} and its subcommands. */
public final class ValueCommands {

    private ValueCommands() {
    }

    public static CommandLine group(CliSession session) {
        return new CommandLine(new ValuesCommand())
                .addSubcommand(new ValuesEncryptCommand(session))
                .addSubcommand(new ValuesDecryptCommand(session))
                .addSubcommand(new ValuesInspectCommand(session));
    }
}
