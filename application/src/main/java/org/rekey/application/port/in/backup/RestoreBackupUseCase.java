package org.rekey.application.port.in.backup;

import org.rekey.application.audit.Actor;

/** Puts back the rows a command backed up before writing (n8n's store). Needs no instance key. */
public interface RestoreBackupUseCase {

    /**
     * @throws org.rekey.domain.error.RekeyException {@code BACKUP_MISMATCH} for a file that is not a backup of
     *     this database; {@code NOT_SUPPORTED} for a store that keeps no backups
     */
    RestoredBackup restore(String path, Actor actor);

    /** What was put back, and the backup of the rows it overwrote (so the restore can be undone). */
    record RestoredBackup(long rows, String operation, String takenAt, BackupTaken before) {
    }
}
