package org.rekey.application.port.in.backup;

import java.util.Optional;

/** A backup written before a command's first write: the file {@code rekey restore} takes, and a whole-database copy where the store makes one. */
public record BackupTaken(String operation, String path, long rows, Optional<String> databaseCopy) {
}
