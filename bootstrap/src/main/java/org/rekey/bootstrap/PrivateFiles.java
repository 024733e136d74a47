package org.rekey.bootstrap;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;
import org.rekey.application.error.ApplicationErrorCode;
import org.rekey.domain.error.ErrorCode;
import org.rekey.domain.error.RekeyException;

/**
 * The user folder and the files rekey keeps in it (config file, embedded database) are readable by their owner
 * only: folders 0700, files 0600. On a file system without POSIX permissions nothing is changed.
 */
final class PrivateFiles {

    private static final Set<PosixFilePermission> OTHERS_READ = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.OTHERS_READ);

    private PrivateFiles() {
    }

    /** Creates the folder (and missing parents) with mode 0700; an existing folder is left as it is. */
    static void createFolder(Path folder) {
        try {
            if (Files.isDirectory(folder)) {
                return;
            }
            if (posix()) {
                Files.createDirectories(folder,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(folder);
            }
        } catch (IOException e) {
            throw new RekeyException(ApplicationErrorCode.STORAGE_FAILURE, "cannot create the folder " + folder + ": "
                    + e.getMessage());
        }
    }

    /** Sets mode 0600 on every regular file in the folder whose name starts with {@code prefix}. */
    static void restrictFiles(Path folder, String prefix) {
        if (!posix() || !Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith(prefix)
                    && Files.isRegularFile(f)).toList()) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
        } catch (IOException e) {
            throw new RekeyException(ApplicationErrorCode.STORAGE_FAILURE, "cannot make the files in " + folder
                    + " private: " + e.getMessage());
        }
    }

    /** Whether users other than the owner may read the file (group or others read bit). */
    static boolean readableByOthers(Path file) {
        if (!posix()) {
            return false;
        }
        try {
            return Files.getPosixFilePermissions(file).stream().anyMatch(OTHERS_READ::contains);
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
