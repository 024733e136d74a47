package org.rekey.application.port.in.startup;

import org.rekey.domain.key.Keyring;

/**
 * Start-up: resolve the instance key, seed the first keys (main instances, rotation on, race-free),
 * and prove the instance key unwraps the active key. Changes nothing in the database when it fails.
 */
public interface BootstrapKeyringUseCase {
    /**
     * @throws org.rekey.domain.error.RekeyException {@code WRONG_INSTANCE_KEY}, {@code INSTANCE_KEY_MISMATCH}
     *     (environment and config file disagree), {@code KEYRING_NOT_SEEDED} (a worker waited in vain)
     */
    Keyring bootstrapKeyring();
}
