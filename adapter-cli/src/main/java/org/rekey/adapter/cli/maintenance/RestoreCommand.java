package org.rekey.adapter.cli.maintenance;

import java.util.concurrent.Callable;
import org.rekey.adapter.cli.console.CliSession;
import org.rekey.adapter.cli.console.ExitCodes;
import org.rekey.adapter.cli.console.JsonOption;
import org.rekey.application.port.in.backup.RestoreBackupUseCase.RestoredBackup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code rekey restore FILE}: puts back the rows a command backed up before writing to n8n's database. */
@Command(name = "restore",
        header = "Put back the rows a command backed up before it wrote (n8n's database).",
        description = {
            "Every command that changes n8n's database first writes a backup of every row it may change (its path "
                    + "is printed as 'backup: PATH'). This puts those rows back, in one transaction, after checking "
                    + "that the file belongs to this database; it needs no instance key. The rows it overwrites are "
                    + "backed up first, so a restore can be undone the same way.",
            "",
            "Stop n8n first: it caches keys, and must start again with the instance key the backup belongs to.",
            "",
            "Exit 2 when the file does not match the database (nothing is changed)."})
final class RestoreCommand implements Callable<Integer> {

    private final CliSession session;

    @Mixin
    private JsonOption json;

    @Parameters(paramLabel = "FILE", description = "A backup file, as printed by the command that wrote it.")
    private String file;

    RestoreCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        RestoredBackup restored = session.restoreBackup().restore(file, session.actor());
        if (json.enabled()) {
            session.printer().json(new RestoredJson(restored.rows(), restored.operation(), restored.takenAt(),
                    restored.before().path()));
        } else {
            session.printer().line("restored " + restored.rows() + " rows as they were at " + restored.takenAt()
                    + ", before '" + restored.operation() + "'. Start n8n with the instance key of that time.");
        }
        return ExitCodes.OK;
    }

    /** The JSON shape of a restore. */
    record RestoredJson(long rows, String operation, String takenAt, String backupOfOverwrittenRows) {
    }
}
