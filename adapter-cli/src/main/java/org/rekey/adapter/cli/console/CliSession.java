package org.rekey.adapter.cli.console;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.rekey.application.port.in.RekeyUseCases;
import org.rekey.application.port.in.backup.RestoreBackupUseCase;

/** What every command works with: the use cases (opened on first use), the printer, JSON and the environment. */
public final class CliSession {

    private final Supplier<RekeyUseCases> useCases;
    private final Supplier<RestoreBackupUseCase> restoreBackup;
    private final Runnable server;
    private final Function<String, Optional<String>> environment;
    private final Printer printer;
    private final JsonCodec json;
    private final LongSupplier nanoClock;

    public CliSession(Supplier<RekeyUseCases> useCases, Supplier<RestoreBackupUseCase> restoreBackup, Runnable server,
            Function<String, Optional<String>> environment, Printer printer, JsonCodec json, LongSupplier nanoClock) {
        this.useCases = useCases;
        this.restoreBackup = restoreBackup;
        this.server = server;
        this.environment = environment;
        this.printer = printer;
        this.json = json;
        this.nanoClock = nanoClock;
    }

    /** Opens the database and keyring the first time. */
    public RekeyUseCases useCases() {
        return useCases.get();
    }

    /** Restoring a backup opens only the store: it needs no instance key. */
    public RestoreBackupUseCase restoreBackup() {
        return restoreBackup.get();
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

    /** A progress bar for a long job; it draws only on a terminal. */
    public ProgressBar progressBar(String label) {
        return new ProgressBar(printer, label, nanoClock);
    }
}
