package org.rekey.application.port.in.settings;

/** The settings use cases: module settings and health. */
public record SettingsUseCases(
        GetModuleSettingsUseCase moduleSettings,
        CheckHealthUseCase checkHealth) {
}
