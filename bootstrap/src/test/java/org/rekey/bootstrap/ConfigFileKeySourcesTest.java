package org.rekey.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileKeySourcesTest {

    @TempDir
    Path home;

    private ConfigFileKeySources sources(Path userFolder) {
        return new ConfigFileKeySources(new RekeyConfig(Map.of(RekeyConfig.USER_FOLDER, userFolder.toString())));
    }

    @Test
    void save_writesTheKeyPrivately_keepingOtherSettings_andLeavesNoTemporaryFile() throws IOException {
        Path config = Files.writeString(home.resolve("config"), "{\"other\":\"kept\"}");
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-r--r--"));

        sources(home).saveToConfigFile("the-key");

        assertThat(sources(home).fromConfigFile()).hasValue("the-key");
        assertThat(Files.readString(config)).contains("\"other\" : \"kept\"");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config))).isEqualTo("rw-------");
        try (Stream<Path> files = Files.list(home)) {
            assertThat(files).containsExactly(config);
        }
    }
}
