package org.rekey.bootstrap;

import org.rekey.adapter.cli.RekeyCli;

/** The {@code rekey} command: every subcommand, {@code serve} included. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, RekeyConfig.fromSystem()));
    }

    /** Runs one command against the given configuration; returns the exit code. */
    static int run(String[] args, RekeyConfig config) {
        Logging.commandLine();
        try (ProcessCliContext context = new ProcessCliContext(config, System.console() != null)) {
            return RekeyCli.execute(args, context, System.out, System.err);
        }
    }
}
