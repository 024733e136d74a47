package org.rekey.application.service.keyring;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.rekey.application.port.out.InstanceKeySourcesPort;
import org.rekey.domain.error.ErrorCode;
import org.rekey.domain.error.RekeyException;
import org.rekey.domain.key.InstanceKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the instance key: {@code N8N_ENCRYPTION_KEY}, else {@code N8N_ENCRYPTION_KEY_FILE}, else the
 * config file; when there is none and the database is empty, generates one (Base64 of 24 random bytes)
 * and saves it to the config file. Two sources that are both set must agree.
 */
public final class InstanceKeyResolver {

    private static final Logger LOG = LoggerFactory.getLogger(InstanceKeyResolver.class);

    private final InstanceKeySourcesPort sources;
    private final SecureRandom random;

    public InstanceKeyResolver(InstanceKeySourcesPort sources, SecureRandom random) {
        this.sources = sources;
        this.random = random;
    }

    /**
     * @param storeHoldsData asked only when no key is set: whether the database already holds data keys or
     *     records, which a generated key could not read; then none is generated and a missing key is an error
     * @throws RekeyException {@code INSTANCE_KEY_MISMATCH} for sources that disagree; {@code WRONG_INSTANCE_KEY}
     *     when no key is set but the database holds data
     */
    public InstanceKey resolve(BooleanSupplier storeHoldsData) {
        Optional<String> env = sources.fromEnvironment();
        Optional<String> file = sources.fromKeyFile();
        Optional<String> config = sources.fromConfigFile();
        if (env.isPresent() && file.isPresent() && !env.equals(file)) {
            throw new RekeyException(ErrorCode.INSTANCE_KEY_MISMATCH, "N8N_ENCRYPTION_KEY and the contents of"
                    + " N8N_ENCRYPTION_KEY_FILE differ; set only one of them");
        }
        Optional<String> given = env.or(() -> file);
        if (given.isPresent() && config.isPresent() && !given.equals(config)) {
            throw new RekeyException(ErrorCode.INSTANCE_KEY_MISMATCH, "the instance key in "
                    + (env.isPresent() ? "N8N_ENCRYPTION_KEY" : "N8N_ENCRYPTION_KEY_FILE") + " differs from the"
                    + " encryptionKey in " + sources.describeConfigFile() + "; make them equal, or remove one");
        }
        Optional<String> found = given.or(() -> config);
        if (found.isPresent()) {
            return InstanceKey.of(found.get());
        }
        if (storeHoldsData.getAsBoolean()) {
            throw new RekeyException(ErrorCode.WRONG_INSTANCE_KEY, "no instance key is set (N8N_ENCRYPTION_KEY,"
                    + " N8N_ENCRYPTION_KEY_FILE and the encryptionKey of " + sources.describeConfigFile() + " are all"
                    + " unset), but the database already holds data keys or records: set N8N_ENCRYPTION_KEY to the"
                    + " key they were written with. No key was generated; nothing was changed");
        }
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String generated = Base64.getEncoder().encodeToString(bytes);
        sources.saveToConfigFile(generated);
        LOG.warn("No instance key was set: generated one and saved it to {}. Back that file up: without the key,"
                + " no secret can be decrypted. Set the same N8N_ENCRYPTION_KEY on every instance.",
                sources.describeConfigFile());
        return InstanceKey.of(generated);
    }
}
