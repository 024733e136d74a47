package org.rekey.adapter.cli.maintenance;

import java.util.List;
import org.rekey.adapter.cli.console.CliSession;
import picocli.CommandLine;

/** Builds the long-running maintenance commands: reencrypt, verify, downgrade, restore, instance-key. */
public final class MaintenanceCommands {

    private MaintenanceCommands() {
    }

    public static List<CommandLine> all(CliSession session) {
        return List.of(
                new CommandLine(new ReencryptCommand(session)),
                new CommandLine(new VerifyCommand(session)),
                new CommandLine(new DowngradeCommand(session)),
                new CommandLine(new RestoreCommand(session)),
                new CommandLine(new InstanceKeyCommand())
                        .addSubcommand(new InstanceKeyChangeCommand(session)));
    }
}
