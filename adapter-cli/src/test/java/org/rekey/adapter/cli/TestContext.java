package org.rekey.adapter.cli;

import static org.mockito.Mockito.mock;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.rekey.adapter.cli.console.CliUseCases;
import org.rekey.application.audit.Actor;
import org.rekey.application.port.in.apikey.ApiKeyUseCases;
import org.rekey.application.port.in.audit.AuditUseCases;
import org.rekey.application.port.in.backup.BackupListener;
import org.rekey.application.port.in.backup.RestoreBackupUseCase;
import org.rekey.application.port.in.credential.CredentialUseCases;
import org.rekey.application.port.in.key.KeyUseCases;
import org.rekey.application.port.in.maintenance.MaintenanceUseCases;
import org.rekey.application.port.in.value.ValueUseCases;
import org.rekey.application.testing.UseCaseMocks;
import org.rekey.domain.key.InstanceKey;

/** A CliContext whose use cases are Mockito mocks; records what the CLI asked of it. */
public final class TestContext implements CliContext {

    public final KeyUseCases keys = UseCaseMocks.group(KeyUseCases.class);
    public final CredentialUseCases credentials = UseCaseMocks.group(CredentialUseCases.class);
    public final ValueUseCases values = UseCaseMocks.group(ValueUseCases.class);
    public final MaintenanceUseCases maintenance = UseCaseMocks.group(MaintenanceUseCases.class);
    public final ApiKeyUseCases apiKeys = UseCaseMocks.group(ApiKeyUseCases.class);
    public final AuditUseCases audit = UseCaseMocks.group(AuditUseCases.class);
    public final RestoreBackupUseCase restoreBackup = mock(RestoreBackupUseCase.class);
    public final List<BackupListener> backupListeners = new ArrayList<>();
    public final Map<String, String> environment = new HashMap<>();
    public final AtomicInteger useCasesOpened = new AtomicInteger();
    public final AtomicInteger served = new AtomicInteger();
    public Boolean verbose;
    public boolean terminal;
    public RuntimeException openFailure;
    public InstanceKey offeredNewKey;
    public boolean seedingDeferred;

    @Override
    public CliUseCases useCases() {
        useCasesOpened.incrementAndGet();
        if (openFailure != null) {
            throw openFailure;
        }
        return new CliUseCases(keys, credentials, values, maintenance, apiKeys, audit);
    }

    @Override
    public RestoreBackupUseCase restoreBackup() {
        return restoreBackup;
    }

    @Override
    public void onBackup(BackupListener listener) {
        backupListeners.add(listener);
    }

    @Override
    public void offerNewInstanceKey(InstanceKey newKey) {
        offeredNewKey = newKey;
    }

    @Override
    public void deferSeeding() {
        seedingDeferred = true;
    }

    @Override
    public void serve() {
        served.incrementAndGet();
    }

    @Override
    public Actor actor() {
        return Actor.operator("tester", "test-host");
    }

    @Override
    public void setVerbose(boolean verbose) {
        this.verbose = verbose;
    }

    @Override
    public Optional<String> environment(String name) {
        return Optional.ofNullable(environment.get(name));
    }

    @Override
    public boolean isTerminal() {
        return terminal;
    }
}
