package org.rekey.application.port.out;

import java.util.Optional;

/**
 * Keeps a copy of what a command may change before its first write, where the store is someone else's
 * database (n8n's), so that {@code rekey restore} can put it back exactly.
 */
public interface BackupPort {

    /**
     * Writes a backup of every row {@code operation} may change (data keys, wrapped secrets, every encrypted
     * column), readable only by the owner.
     *
     * @return where it was written, or empty for a store that needs none (rekey's own database is backed up
     *     with the database's own tools)
     */
    Optional<Backup> backUp(String operation);

    /** A backup written: the file to give {@code rekey restore}, how many rows it holds, and a whole-database copy where the store makes one. */
    record Backup(String path, long rows, Optional<String> databaseCopy) {
    }
}
