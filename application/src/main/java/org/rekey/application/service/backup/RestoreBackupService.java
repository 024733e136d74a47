package org.rekey.application.service.backup;

import org.rekey.application.audit.Actor;
import org.rekey.application.audit.AuditAction;
import org.rekey.application.port.in.backup.BackupTaken;
import org.rekey.application.port.in.backup.RestoreBackupUseCase;
import org.rekey.application.port.out.RestorePort;
import org.rekey.application.service.audit.AuditTrail;
import org.rekey.domain.error.RekeyException;

/** Restores a backup through the store; the store backs up what it overwrites first. */
public final class RestoreBackupService implements RestoreBackupUseCase {

    private final RestorePort port;
    private final AuditTrail audit;

    public RestoreBackupService(RestorePort port, AuditTrail audit) {
        this.port = port;
        this.audit = audit;
    }

    @Override
    public RestoredBackup restore(String path, Actor actor) {
        if (path == null || path.isBlank()) {
            throw RekeyException.invalid("name the backup file to restore");
        }
        // The store restores in a transaction of its own database; the entry is written right after it commits.
        RestorePort.Restored restored = audit.failuresOf(actor, AuditAction.BACKUP_RESTORE, path,
                () -> port.restore(path));
        audit.succeeded(actor, AuditAction.BACKUP_RESTORE, path, restored.rows() + " rows of the "
                + restored.operation() + " backup taken at " + restored.takenAt() + "; what they overwrote is in "
                + restored.before().path());
        return new RestoredBackup(restored.rows(), restored.operation(), restored.takenAt(),
                new BackupTaken("restore", restored.before().path(), restored.before().rows(),
                        restored.before().databaseCopy()));
    }
}
