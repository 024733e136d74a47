package org.rekey.application.service.settings;

import org.rekey.application.port.in.settings.CheckHealthUseCase;
import org.rekey.application.port.out.CheckStorePort;
import org.rekey.application.service.keyring.KeyringCache;
import org.rekey.application.service.keyring.RekeySettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Healthy when the store answers, whatever the flag, and, with rotation on, the keyring reloads from it with
 * an active key.
 */
public final class HealthService implements CheckHealthUseCase {

    private static final Logger LOG = LoggerFactory.getLogger(HealthService.class);

    private final CheckStorePort store;
    private final KeyringCache keyring;
    private final RekeySettings settings;

    public HealthService(CheckStorePort store, KeyringCache keyring, RekeySettings settings) {
        this.store = store;
        this.keyring = keyring;
        this.settings = settings;
    }

    @Override
    public boolean isHealthy() {
        try {
            if (!store.storeAnswers()) {
                return false;
            }
            return !settings.rotationEnabled() || keyring.reload().activeKey().isPresent();
        } catch (RuntimeException e) { // any failure to reach the database or keyring means unhealthy
            LOG.warn("health check failed: {}", e.getMessage());
            return false;
        }
    }
}
