package org.rekey.application.service.backup;

import org.rekey.application.port.in.backup.BackupListener;
import org.rekey.application.port.in.backup.BackupTaken;
import org.rekey.application.port.out.BackupPort;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Takes a backup before a command's first write, where the store keeps backups, and tells the listener at once. */
public final class Backups {

    private static final Logger LOG = LoggerFactory.getLogger(Backups.class);

    private final BackupPort port;
    private final BackupListener listener;

    public Backups(BackupPort port, BackupListener listener) {
        this.port = port;
        this.listener = listener;
    }

    /** Backs up what {@code operation} may change; a failure stops the operation before it writes anything. */
    public void before(String operation) {
        port.backUp(operation).ifPresent(backup -> {
            BackupTaken taken = new BackupTaken(operation, backup.path(), backup.rows(), backup.databaseCopy());
            LOG.info("backup before {}: {} ({} rows)", operation, backup.path(), backup.rows());
            listener.backupTaken(taken);
        });
    }
}
