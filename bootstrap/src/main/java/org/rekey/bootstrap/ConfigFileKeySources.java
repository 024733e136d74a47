package org.rekey.bootstrap;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.rekey.application.error.ApplicationErrorCode;
import org.rekey.adapter.cli.console.TextFiles;
import org.rekey.application.port.out.InstanceKeySourcesPort;
import org.rekey.domain.error.RekeyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The instance key's sources: {@code N8N_ENCRYPTION_KEY}, the file {@code N8N_ENCRYPTION_KEY_FILE} names,
 * and a config file ({@code {"encryptionKey": "..."}}, as n8n writes it; rekey's {@code $REKEY_USER_FOLDER/config},
 * or n8n's {@code .n8n/config} on n8n's store), which is written atomically with mode 0600 (in a folder created
 * with mode 0700); a config file others can read is warned about.
 */
final class ConfigFileKeySources implements InstanceKeySourcesPort {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigFileKeySources.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FIELD = "encryptionKey";

    private final RekeyConfig config;
    private final Path configFile;

    ConfigFileKeySources(RekeyConfig config, Path configFile) {
        this.config = config;
        this.configFile = configFile;
    }

    private Path configFile() {
        return configFile;
    }

    @Override
    public Optional<String> fromEnvironment() {
        return config.secret(RekeyConfig.ENCRYPTION_KEY);
    }

    @Override
    public Optional<String> fromKeyFile() {
        Optional<String> name = config.secret(RekeyConfig.ENCRYPTION_KEY_FILE);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        try {
            String key = Files.readString(Path.of(name.get()), StandardCharsets.UTF_8).strip();
            if (key.isEmpty()) {
                throw RekeyException.invalid(RekeyConfig.ENCRYPTION_KEY_FILE + " names an empty file: " + name.get());
            }
            return Optional.of(key);
        } catch (IOException e) {
            throw RekeyException.invalid(RekeyConfig.ENCRYPTION_KEY_FILE + " names " + name.get()
                    + ", which cannot be read");
        }
    }

    @Override
    public Optional<String> fromConfigFile() {
        JsonNode key = readConfig().get(FIELD);
        if (key == null || key.isNull()) {
            return Optional.empty();
        }
        if (!key.isTextual()) {
            throw RekeyException.invalid(FIELD + " in " + configFile() + " is not a string; write the instance key"
                    + " in quotes, like {\"" + FIELD + "\": \"...\"}");
        }
        Path file = configFile();
        if (PrivateFiles.readableByOthers(file)) {
            LOG.warn("{} holds the instance key and is readable by other users; make it private: chmod 600 {}",
                    file, file);
        }
        return Optional.of(key.asText()).filter(k -> !k.isBlank());
    }

    private ObjectNode readConfig() {
        Path file = configFile();
        if (!Files.exists(file)) {
            return JSON.createObjectNode();
        }
        String text = TextFiles.read(file, "the config file");
        try {
            JsonNode node = JSON.readTree(text);
            if (node instanceof ObjectNode object) {
                return object;
            }
        } catch (JacksonException e) {
            // reported below, without the file's contents
        }
        throw RekeyException.invalid(file + " is not a JSON object like {\"encryptionKey\": \"...\"}; fix or remove it");
    }

    @Override
    public void saveToConfigFile(String key) {
        Path file = configFile();
        ObjectNode config = readConfig();
        config.put(FIELD, key);
        try {
            PrivateFiles.createFolder(file.getParent());
            TextFiles.writePrivate(file, writer -> {
                JSON.writerWithDefaultPrettyPrinter().writeValue(writer, config);
                return null;
            });
        } catch (UncheckedIOException e) {
            throw new RekeyException(ApplicationErrorCode.STORAGE_FAILURE, "cannot write the instance key to " + file + ": "
                    + e.getMessage());
        }
    }

    @Override
    public String describeConfigFile() {
        return configFile().toString();
    }
}
