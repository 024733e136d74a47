package org.rekey.adapter.http.settings;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import org.rekey.application.port.in.settings.GetModuleSettingsUseCase;
import org.rekey.domain.error.ErrorCode;
import org.rekey.domain.error.RekeyException;

/** Hides the key-management routes (404 {@code ROTATION_DISABLED}) while rotation is off, as n8n does. */
public final class RotationGate implements Handler {

    private final GetModuleSettingsUseCase settings;

    public RotationGate(GetModuleSettingsUseCase settings) {
        this.settings = settings;
    }

    @Override
    public void handle(Context ctx) {
        if (!settings.moduleSettings().rotationEnabled()) {
            throw new RekeyException(ErrorCode.ROTATION_DISABLED,
                    "key rotation is disabled on this instance; set N8N_ENV_FEAT_ENCRYPTION_KEY_ROTATION=true to enable it");
        }
    }
}
