package org.rekey.application.port.out;

import java.util.Optional;

/** Where an instance key can come from: the environment, a key file, the config file in the user folder. */
public interface InstanceKeySourcesPort {

    /** {@code N8N_ENCRYPTION_KEY}. */
    Optional<String> fromEnvironment();

    /** The contents of {@code N8N_ENCRYPTION_KEY_FILE}, trimmed; fails clearly if the variable names a missing file. */
    Optional<String> fromKeyFile();

    /** {@code encryptionKey} of {@code $REKEY_USER_FOLDER/config}. */
    Optional<String> fromConfigFile();

    /** Writes {@code encryptionKey} to the config file (mode 0600), keeping its other settings. */
    void saveToConfigFile(String key);

    /** Where the key came from, for messages: a path or a variable name. Never the key. */
    String describeConfigFile();
}
