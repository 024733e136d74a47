package org.rekey.application.port.in.backup;

/** Told of every backup as soon as it is written, before the write it protects: the CLI prints the path. */
@FunctionalInterface
public interface BackupListener {

    BackupListener NONE = taken -> { };

    void backupTaken(BackupTaken taken);
}
