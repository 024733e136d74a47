package org.rekey.adapter.http.settings;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.rekey.application.port.in.settings.ModuleSettings;

/** n8n's module settings: {@code {"encryption-key-manager":{"rotationEnabled":bool}}}. */
public record ModuleSettingsResponse(@JsonProperty("encryption-key-manager") KeyManager keyManager) {

    /** The encryption-key manager's settings. */
    public record KeyManager(boolean rotationEnabled) {
    }

    public static ModuleSettingsResponse of(ModuleSettings settings) {
        return new ModuleSettingsResponse(new KeyManager(settings.rotationEnabled()));
    }
}
