package org.rekey.adapter.cli.console;

import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** What a command group does when called without a subcommand: bad usage, with its usage on stderr. */
public final class GroupHelp {

    private GroupHelp() {
    }

    /**
     * Shows the group's usage on stderr, then fails as bad usage (exit 2) naming its commands.
     *
     * @throws ParameterException always
     */
    public static int missingCommand(CommandSpec spec) {
        spec.commandLine().usage(spec.commandLine().getErr());
        List<String> commands = List.copyOf(spec.subcommands().keySet());
        throw new ParameterException(spec.commandLine(), "'" + spec.qualifiedName() + "' needs a command: "
                + String.join(", ", commands));
    }
}
