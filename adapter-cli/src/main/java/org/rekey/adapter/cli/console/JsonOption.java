package org.rekey.adapter.cli.console;

import picocli.CommandLine.Option;

/** The {@code --json} option of every command that prints data. */
public final class JsonOption {

    @Option(names = "--json",
            description = "Print JSON for scripts instead of a table (dates in ISO 8601, ids in full).")
    private boolean enabled;

    public boolean enabled() {
        return enabled;
    }
}
