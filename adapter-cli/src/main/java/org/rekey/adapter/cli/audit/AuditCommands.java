package org.rekey.adapter.cli.audit;

import java.util.List;
import org.rekey.adapter.cli.console.CliSession;
import picocli.CommandLine;

/** Builds the commands that show what the fleet did: {@code jobs} and {@code audit}. */
public final class AuditCommands {

    private AuditCommands() {
    }

    public static List<CommandLine> all(CliSession session) {
        return List.of(new CommandLine(new JobsCommand(session)), new CommandLine(new AuditCommand(session)));
    }
}
