package org.rekey.adapter.cli.console;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.rekey.application.audit.Actor;
import org.rekey.application.port.in.apikey.ApiKeyUseCases;
import org.rekey.application.port.in.audit.AuditUseCases;
import org.rekey.application.port.in.backup.RestoreBackupUseCase;
import org.rekey.application.port.in.credential.CredentialUseCases;
import org.rekey.application.port.in.key.KeyUseCases;
import org.rekey.application.port.in.maintenance.MaintenanceUseCases;
import org.rekey.application.port.in.maintenance.ProgressListener;
import org.rekey.application.port.in.value.ValueUseCases;
import org.rekey.domain.key.InstanceKey;

/** What every command works with: the use cases (opened on first use), the printer, JSON and the environment. */
public final class CliSession {

    private final Supplier<CliUseCases> useCases;
    private final Supplier<RestoreBackupUseCase> restoreBackup;
    private final Runnable server;
    private final Consumer<InstanceKey> newKeyOffer;
    private final Runnable seedingDeferral;
    private final Function<String, Optional<String>> environment;
    private final Printer printer;
    private final JsonCodec json;
    private final LongSupplier nanoClock;
    private final Supplier<Actor> actor;

    public CliSession(Supplier<CliUseCases> useCases, Supplier<RestoreBackupUseCase> restoreBackup, Runnable server,
            Consumer<InstanceKey> newKeyOffer, Runnable seedingDeferral, Function<String, Optional<String>> environment,
            Supplier<Actor> actor, Printer printer, JsonCodec json, LongSupplier nanoClock) {
        this.actor = actor;
        this.useCases = useCases;
        this.restoreBackup = restoreBackup;
        this.server = server;
        this.newKeyOffer = newKeyOffer;
        this.seedingDeferral = seedingDeferral;
        this.environment = environment;
        this.printer = printer;
        this.json = json;
        this.nanoClock = nanoClock;
    }

    /** The key use cases; the first call to any group opens the database and keyring. */
    public KeyUseCases keys() {
        return useCases.get().keys();
    }

    public CredentialUseCases credentials() {
        return useCases.get().credentials();
    }

    public ValueUseCases values() {
        return useCases.get().values();
    }

    public MaintenanceUseCases maintenance() {
        return useCases.get().maintenance();
    }

    public ApiKeyUseCases apiKeys() {
        return useCases.get().apiKeys();
    }

    public AuditUseCases audit() {
        return useCases.get().audit();
    }

    /** Who runs this command, for the audit trail. */
    public Actor actor() {
        return actor.get();
    }

    /** Restoring a backup opens only the store: it needs no instance key. */
    public RestoreBackupUseCase restoreBackup() {
        return restoreBackup.get();
    }

    /** Before the use cases open: the new key of an instance-key change, to finish an interrupted one. */
    public void offerNewInstanceKey(InstanceKey newKey) {
        newKeyOffer.accept(newKey);
    }

    /** Before the use cases open: a key import follows, so an empty store is not seeded. */
    public void deferSeeding() {
        seedingDeferral.run();
    }

    /** Runs the HTTP server until it is stopped. */
    public void serve() {
        server.run();
    }

    public Optional<String> environment(String name) {
        return environment.apply(name);
    }

    public Printer printer() {
        return printer;
    }

    public JsonCodec json() {
        return json;
    }

    /**
     * Runs a long job behind a progress bar; when the job fails, says how far it came before the failure
     * propagates to its error line.
     */
    public <T> T runJob(String label, Function<ProgressListener, T> job) {
        try (ProgressBar progress = progressBar(label)) {
            try {
                return job.apply(progress);
            } catch (RuntimeException e) {
                progress.reportStopped();
                throw e;
            }
        }
    }

    /** A progress bar for a long job; it draws only on a terminal. */
    public ProgressBar progressBar(String label) {
        return new ProgressBar(printer, label, nanoClock);
    }
}
