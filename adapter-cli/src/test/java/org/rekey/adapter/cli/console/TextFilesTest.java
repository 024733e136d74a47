package org.rekey.adapter.cli.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rekey.domain.error.RekeyException;

class TextFilesTest {

    @TempDir
    Path dir;

    @Test
    void read_returnsTheUtf8Text() throws IOException {
        Path file = Files.writeString(dir.resolve("a.json"), "{\"ü\":1}\n");

        assertThat(TextFiles.read(file, "data file")).isEqualTo("{\"ü\":1}\n");
    }

    @Test
    void read_ofAMissingFile_saysSo() {
        Path file = dir.resolve("missing.json");

        assertThatThrownBy(() -> TextFiles.read(file, "data file"))
                .isInstanceOf(RekeyException.class)
                .hasMessage("cannot read data file " + file + ": no such file; check the path");
    }

    @Test
    void read_ofADirectory_saysSo() {
        assertThatThrownBy(() -> TextFiles.read(dir, "data file")).hasMessageContaining("it is a directory");
    }

    @Test
    void read_ofNonUtf8_saysSo() throws IOException {
        Path file = Files.write(dir.resolve("latin1"), new byte[] {(byte) 0xff, (byte) 0xfe, 'a'});

        assertThatThrownBy(() -> TextFiles.read(file, "key file")).hasMessageContaining("not UTF-8 text");
    }

    @Test
    void writePrivate_createsAFileOnlyTheOwnerCanRead() throws IOException {
        Path file = dir.resolve("out.json");

        TextFiles.writePrivate(file, writer -> {
            writer.write("secret");
            return null;
        });

        assertThat(Files.readString(file)).isEqualTo("secret");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void writePrivate_replacesAnExistingWorldReadableFile_withAPrivateOne() throws IOException {
        Path file = Files.writeString(dir.resolve("out.json"), "old");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        TextFiles.writePrivate(file, writer -> {
            writer.write("new");
            return null;
        });

        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo("new");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void writePrivate_thatFailsMidway_leavesNoFileBehind() throws IOException {
        Path file = dir.resolve("out.json");

        assertThatThrownBy(() -> TextFiles.writePrivate(file, writer -> {
            writer.write("half");
            throw RekeyException.invalid("boom");
        })).hasMessage("boom");

        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void writePrivate_intoAMissingDirectory_saysSo() {
        Path file = dir.resolve("nope/out.json");

        assertThatThrownBy(() -> TextFiles.writePrivate(file, writer -> null))
                .isInstanceOf(RekeyException.class)
                .hasMessageContaining("does not exist; create it first");
    }
}
