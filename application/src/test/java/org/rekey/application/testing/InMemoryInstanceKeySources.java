package org.rekey.application.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.rekey.application.port.out.InstanceKeySourcesPort;

/** Instance key sources with settable environment, key-file and config-file values, recording every save. */
public final class InMemoryInstanceKeySources implements InstanceKeySourcesPort {

    public static final String CONFIG_FILE = "/test/rekey-home/config";

    private Optional<String> environment = Optional.empty();
    private Optional<String> keyFile = Optional.empty();
    private Optional<String> configFile = Optional.empty();
    private final List<String> configFileSaves = new ArrayList<>();

    /** Sources where only {@code N8N_ENCRYPTION_KEY} is set. */
    public static InMemoryInstanceKeySources withEnvironment(String key) {
        return new InMemoryInstanceKeySources().setEnvironment(key);
    }

    public synchronized InMemoryInstanceKeySources setEnvironment(String key) {
        environment = Optional.ofNullable(key);
        return this;
    }

    public synchronized InMemoryInstanceKeySources setKeyFile(String key) {
        keyFile = Optional.ofNullable(key);
        return this;
    }

    public synchronized InMemoryInstanceKeySources setConfigFile(String key) {
        configFile = Optional.ofNullable(key);
        return this;
    }

    /** Every key written by {@link #saveToConfigFile}, oldest first. */
    public synchronized List<String> configFileSaves() {
        return List.copyOf(configFileSaves);
    }

    @Override
    public synchronized Optional<String> fromEnvironment() {
        return environment;
    }

    @Override
    public synchronized Optional<String> fromKeyFile() {
        return keyFile;
    }

    @Override
    public synchronized Optional<String> fromConfigFile() {
        return configFile;
    }

    @Override
    public synchronized void saveToConfigFile(String key) {
        configFile = Optional.of(key);
        configFileSaves.add(key);
    }

    @Override
    public String describeConfigFile() {
        return CONFIG_FILE;
    }

    @Override
    public String toString() {
        return "InMemoryInstanceKeySources[environment=" + environment.isPresent() + ", keyFile="
                + keyFile.isPresent() + ", configFile=" + configFile.isPresent() + "]";
    }
}
