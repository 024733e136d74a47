package org.rekey.application.service.backup;

import org.rekey.application.port.in.backup.BackupTaken;
import org.rekey.application.port.in.backup.RestoreBackupUseCase;
import org.rekey.application.port.out.RestorePort;
import org.rekey.domain.error.RekeyException;

/** Restores a backup through the store; the store backs up what it overwrites first. */
public final class RestoreBackupService implements RestoreBackupUseCase {

    private final RestorePort port;

    public RestoreBackupService(RestorePort port) {
        this.port = port;
    }

    @Override
    public RestoredBackup restore(String path) {
        if (path == null || path.isBlank()) {
            throw RekeyException.invalid("name the backup file to restore");
        }
        RestorePort.Restored restored = port.restore(path);
        return new RestoredBackup(restored.rows(), restored.operation(), restored.takenAt(),
                new BackupTaken("restore", restored.before().path(), restored.before().rows(),
                        restored.before().databaseCopy()));
    }
}
