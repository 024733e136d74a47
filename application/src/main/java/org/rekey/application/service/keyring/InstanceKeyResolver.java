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
    private static final String ENV = "N8N_ENCRYPTION_KEY";
    private static final String KEY_FILE = "N8N_ENCRYPTION_KEY_FILE";

    private final InstanceKeySourcesPort sources;
    private final SecureRandom random;

    public InstanceKeyResolver(InstanceKeySourcesPort sources, SecureRandom random) {
        this.sources = sources;
        this.random = random;
    }

    /** An instance key and, for messages, the source it came from (never the key itself). */
    public record Resolved(InstanceKey key, String source) {
    }

    /** As {@link #resolveWithSource}, the key only. */
    public InstanceKey resolve(BooleanSupplier storeHoldsData) {
        return resolveWithSource(storeHoldsData).key();
    }

    /**
     * @param storeHoldsData asked only when no key is set: whether the database already holds data keys or
     *     records, which a generated key could not read; then none is generated and a missing key is an error
     * @throws RekeyException {@code INSTANCE_KEY_MISMATCH} for sources that disagree; {@code WRONG_INSTANCE_KEY}
     *     when no key is set but the database holds data
     */
    public Resolved resolveWithSource(BooleanSupplier storeHoldsData) {
        Optional<Resolved> configured = configured();
        if (configured.isPresent()) {
            return configured.get();
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
        return new Resolved(InstanceKey.of(generated), configFileSource());
    }

    /**
     * The key the sources give, without generating one.
     *
     * @throws RekeyException {@code INSTANCE_KEY_MISMATCH} for sources that disagree
     */
    public Optional<Resolved> configured() {
        Optional<String> env = sources.fromEnvironment();
        Optional<String> file = sources.fromKeyFile();
        Optional<String> config = sources.fromConfigFile();
        if (env.isPresent() && file.isPresent() && !env.equals(file)) {
            throw new RekeyException(ErrorCode.INSTANCE_KEY_MISMATCH, "N8N_ENCRYPTION_KEY and the contents of"
                    + " N8N_ENCRYPTION_KEY_FILE differ; set only one of them. " + describeSources());
        }
        Optional<String> given = env.or(() -> file);
        if (given.isPresent() && config.isPresent() && !given.equals(config)) {
            throw new RekeyException(ErrorCode.INSTANCE_KEY_MISMATCH, "the instance key in "
                    + (env.isPresent() ? ENV : KEY_FILE) + " differs from the encryptionKey in "
                    + sources.describeConfigFile() + "; make them equal, or remove one. " + describeSources());
        }
        if (env.isPresent()) {
            return Optional.of(new Resolved(InstanceKey.of(env.get()), ENV));
        }
        if (file.isPresent()) {
            return Optional.of(new Resolved(InstanceKey.of(file.get()), KEY_FILE));
        }
        return config.map(key -> new Resolved(InstanceKey.of(key), configFileSource()));
    }

    /**
     * Which source holds which key, by fingerprint, e.g. {@code "key sources: N8N_ENCRYPTION_KEY unset,
     * N8N_ENCRYPTION_KEY_FILE unset, the config file /home/me/.rekey/config holds key 1a2b3c4d"}. Never a key.
     */
    public String describeSources() {
        return "key sources: " + ENV + " " + holds(sources.fromEnvironment()) + ", " + KEY_FILE + " "
                + holds(sources.fromKeyFile()) + ", " + configFileSource() + " " + holds(sources.fromConfigFile());
    }

    private static String holds(Optional<String> key) {
        return key.filter(k -> !k.isBlank()).map(k -> "holds key " + InstanceKey.of(k).fingerprint())
                .orElse("unset");
    }

    private String configFileSource() {
        return "the config file " + sources.describeConfigFile();
    }
}
