package org.rekey.adapter.cli;

import java.util.concurrent.Callable;
import org.rekey.adapter.cli.console.CliSession;
import org.rekey.adapter.cli.console.ExitCodes;
import picocli.CommandLine.Command;

/** {@code rekey serve}: runs the HTTP API and settings page until stopped. */
@Command(name = "serve",
        header = "Start the HTTP API and the settings page.",
        description = {
            "Starts the HTTP API (/rest) and the settings page (/settings/encryption-keys) on port "
                    + "REKEY_PORT (default 5678) of REKEY_HOST (default every interface), and runs until stopped with Ctrl-C or SIGTERM.",
            "",
            "On a fresh machine this creates an embedded H2 database and an instance key in "
                    + "REKEY_USER_FOLDER (default ~/.rekey). API calls need a token: create one with 'rekey api-keys "
                    + "create'."})
final class ServeCommand implements Callable<Integer> {

    private final CliSession session;

    ServeCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        session.serve();
        return ExitCodes.OK;
    }
}
