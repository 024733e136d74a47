package org.rekey.adapter.cli.credential;

import org.rekey.adapter.cli.console.CliSession;
import picocli.CommandLine;

/** Builds {@code rekey credentials} and its subcommands. */
public final class CredentialCommands {

    private CredentialCommands() {
    }

    public static CommandLine group(CliSession session) {
        return new CommandLine(new CredentialsCommand())
                .addSubcommand(new CredentialsListCommand(session))
                .addSubcommand(new CredentialsGetCommand(session))
                .addSubcommand(new CredentialsCreateCommand(session))
                .addSubcommand(new CredentialsUpdateCommand(session))
                .addSubcommand(new CredentialsDeleteCommand(session))
                .addSubcommand(new CredentialsImportCommand(session))
                .addSubcommand(new CredentialsExportCommand(session));
    }
}
