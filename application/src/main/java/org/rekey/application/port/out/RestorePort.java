package org.rekey.application.port.out;

/** Puts the rows of a backup ({@link BackupPort}) back, in one transaction. Needs no instance key. */
public interface RestorePort {

    /**
     * @throws org.rekey.domain.error.RekeyException {@code BACKUP_MISMATCH} when the file is not a backup of
     *     this database (another instance, another table prefix, a row deleted since, or data keys created since
     *     that the restored key rows would make unreadable); nothing is changed then
     */
    Restored restore(String path);

    /** What a restore put back, and the backup it made of the rows it overwrote. */
    record Restored(long rows, String operation, String takenAt, BackupPort.Backup before) {
    }
}
