package org.rekey.adapter.cli.key;

import org.rekey.adapter.cli.console.CliSession;
import picocli.CommandLine;

/** Builds {@code rekey keys} and its subcommands. */
public final class KeyCommands {

    private KeyCommands() {
    }

    public static CommandLine group(CliSession session) {
        return new CommandLine(new KeysCommand())
                .addSubcommand(new KeysListCommand(session))
                .addSubcommand(new KeysShowCommand(session))
                .addSubcommand(new KeysRotateCommand(session))
                .addSubcommand(new KeysImportCommand(session))
                .addSubcommand(new KeysDestroyCommand(session));
    }
}
