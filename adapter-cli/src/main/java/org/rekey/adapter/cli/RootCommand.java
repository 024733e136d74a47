package org.rekey.adapter.cli;

import java.util.concurrent.Callable;
import org.rekey.adapter.cli.console.GroupHelp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code rekey}: the top of the command tree, with the options every command inherits. */
@Command(name = "rekey",
        header = "rekey: envelope encryption with rotating data keys, compatible with n8n.",
        description = {
            "Stores secrets (credentials) encrypted under data keys that can be rotated without "
                    + "re-encrypting anything; the instance key (N8N_ENCRYPTION_KEY) only wraps the data keys.",
            "",
            "Configuration comes from the environment: N8N_ENCRYPTION_KEY, "
                    + "N8N_ENV_FEAT_ENCRYPTION_KEY_ROTATION=true to enable rotation, REKEY_USER_FOLDER (default "
                    + "~/.rekey), REKEY_DB_URL for PostgreSQL, REKEY_PORT, REKEY_HOST."},
        footer = {"",
            "Start here:",
            "  rekey serve                      start the HTTP API and the settings page",
            "  rekey keys list                  see the data keys and how many records use each",
            "  rekey keys rotate                make a new data key active",
            "  rekey credentials create --name Mail --type smtp --data '{\"user\":\"me\"}'",
            "  rekey verify                     check that every record decrypts",
            "",
            "Every command has --help. Exit codes: 0 success, 2 bad usage or input, 1 any other failure."},
        synopsisSubcommandLabel = "COMMAND", versionProvider = BuildVersion.class)
final class RootCommand implements Callable<Integer> {

    static final String VERBOSE = "--verbose";

    @Option(names = VERBOSE, scope = ScopeType.INHERIT,
            description = "Log what happens (INFO/DEBUG) on stderr and show stack traces of errors.")
    private boolean verbose;

    @Option(names = {"-h", "--help"}, usageHelp = true, scope = ScopeType.INHERIT,
            description = "Show this help and exit.")
    private boolean help;

    @Option(names = {"-V", "--version"}, versionHelp = true, description = "Print the version and exit.")
    private boolean version;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        return GroupHelp.missingCommand(spec);
    }
}
