package org.rekey.application.service.key;

import org.rekey.application.service.keyring.RekeySettings;
import org.rekey.domain.error.ErrorCode;
import org.rekey.domain.error.RekeyException;

/** Refuses key changes while rotation is off. */
final class RotationGuard {

    private RotationGuard() {
    }

    static void requireEnabled(RekeySettings settings) {
        if (!settings.rotationEnabled()) {
            throw new RekeyException(ErrorCode.ROTATION_DISABLED, "encryption key rotation is off: set"
                    + " N8N_ENV_FEAT_ENCRYPTION_KEY_ROTATION=true on every instance and restart");
        }
    }
}
