package org.rekey.adapter.cli.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.rekey.adapter.cli.RekeyCli;
import org.rekey.adapter.cli.TestContext;
import org.rekey.application.error.ApplicationErrorCode;
import org.rekey.application.port.in.backup.BackupTaken;
import org.rekey.application.port.in.backup.RestoreBackupUseCase.RestoredBackup;
import org.rekey.domain.error.RekeyException;

/** {@code rekey restore FILE}, and how every command reports the backups it writes. */
class RestoreCommandTest {

    private final TestContext context = new TestContext();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return RekeyCli.execute(args, context, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void restore_putsTheRowsBack_withoutOpeningTheKeyring() {
        when(context.restoreBackup.restore(eq("/b/1.json"), any())).thenReturn(new RestoredBackup(12, "reencrypt",
                "2026-12-01T08:00:00Z", new BackupTaken("restore", "/b/2.json", 12, Optional.empty())));

        assertThat(run("restore", "/b/1.json")).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("restored 12 rows", "before 'reencrypt'");
        assertThat(context.useCasesOpened).hasValue(0);
    }

    @Test
    void restore_ofAFileThatDoesNotMatch_isBadInput() {
        when(context.restoreBackup.restore(eq("/b/other.json"), any())).thenThrow(
                new RekeyException(ApplicationErrorCode.BACKUP_MISMATCH, "/b/other.json does not match this database"));

        assertThat(run("restore", "/b/other.json")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("error: /b/other.json does not match");
    }

    @Test
    void everyBackup_isPrintedOnStderr_asItIsWritten() {
        run("--help");
        context.backupListeners.forEach(listener -> listener.backupTaken(
                new BackupTaken("reencrypt", "/b/3.json", 4, Optional.of("/b/3.sqlite"))));

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("backup: /b/3.json\n", "database copy: /b/3.sqlite\n");
    }
}
