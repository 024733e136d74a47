package org.rekey.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rekey.domain.error.ErrorCode;
import org.rekey.domain.error.RekeyException;
import org.slf4j.LoggerFactory;

class ConfigFileKeySourcesTest {

    @TempDir
    Path home;

    private ConfigFileKeySources sources(Path userFolder) {
        return new ConfigFileKeySources(new RekeyConfig(Map.of(RekeyConfig.USER_FOLDER, userFolder.toString())),
                userFolder.resolve("config"));
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

    @Test
    void save_intoAMissingFolder_createsIt0700() throws IOException {
        Path folder = home.resolve("a").resolve("b");

        sources(folder).saveToConfigFile("the-key");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");
    }

    @Test
    void keyThatIsNotAString_isRefused() throws IOException {
        Files.writeString(home.resolve("config"), "{\"encryptionKey\": 12345}");

        assertThatThrownBy(() -> sources(home).fromConfigFile())
                .isInstanceOfSatisfying(RekeyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT))
                .hasMessageContaining("not a string").hasMessageNotContaining("12345");
    }

    @Test
    void configFileOthersCanRead_isWarnedAbout() throws IOException {
        Path config = Files.writeString(home.resolve("config"), "{\"encryptionKey\": \"the-key\"}");
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-r--r--"));
        Logger logger = (Logger) LoggerFactory.getLogger(ConfigFileKeySources.class);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        logger.addAppender(logs);
        try {
            assertThat(sources(home).fromConfigFile()).hasValue("the-key");
        } finally {
            logger.detachAppender(logs);
        }

        assertThat(logs.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getFormattedMessage()).contains("readable by other users", "chmod 600")
                    .doesNotContain("the-key");
        });
    }

    @Test
    void privateConfigFile_isNotWarnedAbout() throws IOException {
        Path config = Files.writeString(home.resolve("config"), "{\"encryptionKey\": \"the-key\"}");
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));
        Logger logger = (Logger) LoggerFactory.getLogger(ConfigFileKeySources.class);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        logger.addAppender(logs);
        try {
            sources(home).fromConfigFile();
        } finally {
            logger.detachAppender(logs);
        }

        assertThat(logs.list).isEmpty();
    }
}
