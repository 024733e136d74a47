package org.rekey.adapter.http;

import org.rekey.application.port.in.apikey.ApiKeyUseCases;
import org.rekey.application.port.in.audit.AuditUseCases;
import org.rekey.application.port.in.credential.CredentialUseCases;
import org.rekey.application.port.in.key.KeyUseCases;
import org.rekey.application.port.in.maintenance.MaintenanceUseCases;
import org.rekey.application.port.in.settings.SettingsUseCases;

/** The groups of in-ports the HTTP API uses (no value use cases: those are command-line only). */
public record HttpUseCases(KeyUseCases keys, CredentialUseCases credentials, MaintenanceUseCases maintenance,
        ApiKeyUseCases apiKeys, SettingsUseCases settings, AuditUseCases audit) {
}
