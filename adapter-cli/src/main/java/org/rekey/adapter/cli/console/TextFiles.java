package org.rekey.adapter.cli.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.rekey.domain.error.RekeyException;

/** Files the user names on the command line: read as UTF-8 text, or written readable by the owner only. */
public final class TextFiles {

    /** Writes content to a writer; may fail with an {@link IOException}. */
    @FunctionalInterface
    public interface WriterAction<T> {
        T writeTo(Writer writer) throws IOException;
    }

    private TextFiles() {
    }

    /**
     * Reads a whole UTF-8 text file.
     *
     * @param what names the file in errors, e.g. "data file"
     * @throws RekeyException {@code INVALID_INPUT} saying why the file cannot be read
     */
    public static String read(Path path, String what) {
        if (Files.isDirectory(path)) {
            throw RekeyException.invalid("cannot read " + what + " " + path + ": it is a directory; give a file");
        }
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw RekeyException.invalid("cannot read " + what + " " + path + ": no such file; check the path");
        } catch (AccessDeniedException e) {
            throw RekeyException.invalid("cannot read " + what + " " + path
                    + ": permission denied; check the file's permissions");
        } catch (CharacterCodingException e) {
            throw RekeyException.invalid("cannot read " + what + " " + path + ": it is not UTF-8 text");
        } catch (IOException e) {
            throw RekeyException.invalid("cannot read " + what + " " + path + ": " + e.getMessage());
        }
    }

    /**
     * Writes a file with mode 0600: the content goes to a private temporary file beside the target,
     * which then replaces the target, so a failure midway leaves no partial file.
     *
     * @throws RekeyException {@code INVALID_INPUT} when the target cannot be created there
     */
    public static <T> T writePrivate(Path target, WriterAction<T> content) {
        if (Files.isDirectory(target)) {
            throw RekeyException.invalid("cannot write " + target + ": it is a directory; give a file name");
        }
        Path directory = target.toAbsolutePath().getParent();
        Path temporary = createPrivateTemporary(target, directory);
        try {
            T result;
            try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                result = content.writeTo(writer);
            }
            moveReplacing(temporary, target);
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        } finally {
            deleteQuietly(temporary);
        }
    }

    private static Path createPrivateTemporary(Path target, Path directory) {
        try {
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                return Files.createTempFile(directory, ".rekey-", ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            return Files.createTempFile(directory, ".rekey-", ".tmp");
        } catch (NoSuchFileException e) {
            throw RekeyException.invalid("cannot write " + target + ": the directory " + directory
                    + " does not exist; create it first");
        } catch (AccessDeniedException e) {
            throw RekeyException.invalid("cannot write " + target + ": permission denied in " + directory);
        } catch (IOException e) {
            throw RekeyException.invalid("cannot write " + target + ": " + e.getMessage());
        }
    }

    private static void moveReplacing(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // the temporary file is hidden and private; leaving it is harmless
        }
    }
}
