package org.rekey.adapter.cli.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import org.rekey.domain.error.RekeyException;

/**
 * Files the user names on the command line: read as UTF-8 text up to a size limit, or written readable by the
 * owner only.
 */
public final class TextFiles {

    /** Writes content to a writer; may fail with an {@link IOException}. */
    @FunctionalInterface
    public interface WriterAction<T> {
        T writeTo(Writer writer) throws IOException;
    }

    /** The default limit for small files: as the HTTP API's request body limit (1 MiB and a margin). */
    public static final long MAX_SMALL_FILE_BYTES = 1_114_112;

    private TextFiles() {
    }

    /**
     * Reads a whole UTF-8 text file of at most {@link #MAX_SMALL_FILE_BYTES}.
     *
     * @see #read(Path, String, long)
     */
    public static String read(Path path, String what) {
        return read(path, what, MAX_SMALL_FILE_BYTES);
    }

    /**
     * Reads a whole UTF-8 text file, refusing one larger than {@code maxBytes} before reading it (a special
     * file such as a pipe is read up to the limit).
     *
     * @param what names the file in errors, e.g. "data file"
     * @throws RekeyException {@code INVALID_INPUT} saying why the file cannot be read, or which limit it exceeds
     */
    public static String read(Path path, String what, long maxBytes) {
        if (Files.isDirectory(path)) {
            throw RekeyException.invalid("cannot read " + what + " " + path + ": it is a directory; give a file");
        }
        try {
            if (Files.isRegularFile(path) && Files.size(path) > maxBytes) {
                throw tooLarge(path, what, maxBytes);
            }
            byte[] bytes;
            try (InputStream in = Files.newInputStream(path)) {
                bytes = in.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
            }
            if (bytes.length > maxBytes) {
                throw tooLarge(path, what, maxBytes);
            }
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
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

    private static RekeyException tooLarge(Path path, String what, long maxBytes) {
        return RekeyException.invalid("cannot read " + what + " " + path + ": it is larger than "
                + String.format(Locale.ROOT, "%,d", maxBytes) + " bytes, the most a " + what + " may hold");
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
