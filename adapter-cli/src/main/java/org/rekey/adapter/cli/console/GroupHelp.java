package org.rekey.adapter.cli.console;

import picocli.CommandLine.Model.CommandSpec;

/** What a command group does when called without a subcommand: shows its usage on stdout. */
public final class GroupHelp {

    private GroupHelp() {
    }

    public static void show(CommandSpec spec) {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
