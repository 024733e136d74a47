package org.rekey.adapter.cli;

import java.util.Optional;
import org.rekey.adapter.cli.console.CliUseCases;
import org.rekey.application.audit.Actor;
import org.rekey.application.port.in.backup.BackupListener;
import org.rekey.application.port.in.backup.RestoreBackupUseCase;
import org.rekey.domain.key.InstanceKey;

/** What the command line needs from the running program; {@code bootstrap} implements it. */
public interface CliContext {

    /** Opens the database and keyring on first call. @throws org.rekey.domain.error.RekeyException on failure */
    CliUseCases useCases();

    /** Opens only the store, for {@code rekey restore}: no instance key is needed. */
    RestoreBackupUseCase restoreBackup();

    /** Who hears of each backup as soon as it is written (before the write it protects). */
    void onBackup(BackupListener listener);

    /**
     * The new key of an {@code instance-key change} that is about to open the use cases: start-up uses it only
     * when the configured key no longer unwraps the data keys and this one does (an interrupted change).
     */
    void offerNewInstanceKey(InstanceKey newKey);

    /** A key import is about to open the use cases: an empty store is not seeded, the import takes its place. */
    void deferSeeding();

    /** Starts the HTTP server and blocks until it is stopped (SIGTERM). */
    void serve();

    /** Logs at INFO/DEBUG on stderr instead of warnings only. */
    void setVerbose(boolean verbose);

    /** An environment variable (for {@code instance-key change --from-env VAR}). */
    Optional<String> environment(String name);

    /** Who runs the commands, as the audit trail names them: the OS user and the host. */
    Actor actor();

    /** Whether stdout/stderr are attached to a terminal (progress bars, trailing newlines). */
    boolean isTerminal();
}
