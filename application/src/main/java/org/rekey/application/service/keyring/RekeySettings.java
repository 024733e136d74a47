package org.rekey.application.service.keyring;

import java.time.Duration;
import java.util.Objects;

/**
 * The settings the core runs with.
 *
 * @param rotationEnabled {@code N8N_ENV_FEAT_ENCRYPTION_KEY_ROTATION}: new writes use data keys
 * @param instanceType {@code REKEY_INSTANCE_TYPE}: only a main instance seeds keys
 * @param keyRefreshInterval how old the cached keyring may get before it is reloaded; well under the
 *     one second within which every instance must write under a newly rotated key
 * @param workerSeedWait how long a worker waits for a main instance to seed the keys
 */
public record RekeySettings(boolean rotationEnabled, InstanceType instanceType, Duration keyRefreshInterval,
        Duration workerSeedWait) {

    /**
     * {@code main} seeds keys on start-up; {@code worker} only reads them, waiting for a main to seed;
     * {@code guest} works on a store another program seeds (n8n's database) and never seeds nor waits.
     */
    public enum InstanceType { MAIN, WORKER, GUEST }

    public static final Duration DEFAULT_KEY_REFRESH = Duration.ofMillis(500);
    public static final Duration DEFAULT_WORKER_SEED_WAIT = Duration.ofSeconds(60);

    public RekeySettings {
        Objects.requireNonNull(instanceType, "instanceType");
        if (keyRefreshInterval.isNegative() || keyRefreshInterval.compareTo(Duration.ofSeconds(1)) >= 0) {
            throw new IllegalArgumentException("the key refresh interval must be under one second");
        }
    }

    public static RekeySettings of(boolean rotationEnabled, InstanceType instanceType) {
        return new RekeySettings(rotationEnabled, instanceType, DEFAULT_KEY_REFRESH, DEFAULT_WORKER_SEED_WAIT);
    }
}
