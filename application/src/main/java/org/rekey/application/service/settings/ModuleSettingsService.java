package org.rekey.application.service.settings;

import org.rekey.application.port.in.settings.GetModuleSettingsUseCase;
import org.rekey.application.port.in.settings.ModuleSettings;
import org.rekey.application.service.keyring.RekeySettings;

/** Reports whether rotation is on. */
public final class ModuleSettingsService implements GetModuleSettingsUseCase {

    private final RekeySettings settings;

    public ModuleSettingsService(RekeySettings settings) {
        this.settings = settings;
    }

    @Override
    public ModuleSettings moduleSettings() {
        return new ModuleSettings(settings.rotationEnabled());
    }
}
