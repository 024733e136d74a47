package org.rekey.adapter.cli.console;

import org.rekey.application.port.in.apikey.ApiKeyUseCases;
import org.rekey.application.port.in.audit.AuditUseCases;
import org.rekey.application.port.in.credential.CredentialUseCases;
import org.rekey.application.port.in.key.KeyUseCases;
import org.rekey.application.port.in.maintenance.MaintenanceUseCases;
import org.rekey.application.port.in.value.ValueUseCases;

/** The groups of in-ports the command line uses (it has no settings command: {@code serve} starts its own). */
public record CliUseCases(KeyUseCases keys, CredentialUseCases credentials, ValueUseCases values,
        MaintenanceUseCases maintenance, ApiKeyUseCases apiKeys, AuditUseCases audit) {
}
