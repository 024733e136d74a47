package org.rekey.application.port.in.settings;

/** Reads the module settings. */
public interface GetModuleSettingsUseCase {
    ModuleSettings moduleSettings();
}
