package org.rekey.adapter.cli;

import java.io.PrintStream;
import org.rekey.adapter.cli.apikey.ApiKeyCommands;
import org.rekey.adapter.cli.audit.AuditCommands;
import org.rekey.adapter.cli.console.CliSession;
import org.rekey.adapter.cli.console.JsonCodec;
import org.rekey.adapter.cli.console.Printer;
import org.rekey.adapter.cli.credential.CredentialCommands;
import org.rekey.adapter.cli.key.KeyCommands;
import org.rekey.adapter.cli.maintenance.MaintenanceCommands;
import org.rekey.adapter.cli.value.ValueCommands;
import picocli.CommandLine;

/** The {@code rekey} command line: parses the arguments, runs one command, returns its exit code. */
public final class RekeyCli {

    private RekeyCli() {
    }

    /**
     * Runs one command line.
     *
     * @return 0 on success, 2 for bad usage or input, 1 for any other failure
     */
    public static int execute(String[] args, CliContext context, PrintStream out, PrintStream err) {
        JsonCodec json = new JsonCodec();
        Printer printer = new Printer(out, err, context.isTerminal(), json);
        CliSession session = new CliSession(context::useCases, context::restoreBackup, context::serve,
                context::offerNewInstanceKey, context::deferSeeding, context::environment, context::actor, printer,
                json,
                System::nanoTime);
        context.onBackup(taken -> {
            printer.notice("backup: " + taken.path());
            taken.databaseCopy().ifPresent(copy -> printer.notice("database copy: " + copy));
        });
        ErrorReporter errors = new ErrorReporter(printer);
        CommandLine cli = commandTree(session)
                .setOut(printer.outWriter())
                .setErr(printer.errWriter())
                .setParameterExceptionHandler(errors)
                .setExecutionExceptionHandler(errors)
                .setExpandAtFiles(false)
                .setUsageHelpAutoWidth(true);
        cli.setExecutionStrategy(parseResult -> {
            context.setVerbose(ErrorReporter.verboseRequested(parseResult));
            return new CommandLine.RunLast().execute(parseResult);
        });
        return cli.execute(args);
    }

    static CommandLine commandTree(CliSession session) {
        CommandLine root = new CommandLine(new RootCommand());
        root.addSubcommand(new ServeCommand(session));
        root.addSubcommand(KeyCommands.group(session));
        root.addSubcommand(CredentialCommands.group(session));
        root.addSubcommand(ValueCommands.group(session));
        MaintenanceCommands.all(session).forEach(root::addSubcommand);
        AuditCommands.all(session).forEach(root::addSubcommand);
        root.addSubcommand(ApiKeyCommands.group(session));
        return root;
    }
}
