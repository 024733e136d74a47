package org.rekey.adapter.cli.console;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.rekey.application.port.in.RekeyUseCases;
import org.rekey.application.port.in.maintenance.ProgressListener;
import org.rekey.domain.key.InstanceKey;

/** What every command works with: the use cases (opened on first use), the printer, JSON and the environment. */
public final class CliSession {

    private final Supplier<RekeyUseCases> useCases;
    private final Runnable server;
    private final Consumer<InstanceKey> newKeyOffer;
    private final Runnable seedingDeferral;
    private final Function<String, Optional<String>> environment;
    private final Printer printer;
    private final JsonCodec json;
    private final LongSupplier nanoClock;

    public CliSession(Supplier<RekeyUseCases> useCases, Runnable server, Consumer<InstanceKey> newKeyOffer,
            Runnable seedingDeferral, Function<String, Optional<String>> environment, Printer printer, JsonCodec json,
            LongSupplier nanoClock) {
        this.useCases = useCases;
        this.seedingDeferral = seedingDeferral;
        this.server = server;
        this.newKeyOffer = newKeyOffer;
        this.environment = environment;
        this.printer = printer;
        this.json = json;
        this.nanoClock = nanoClock;
    }

    /** Opens the database and keyring the first time. */
    public RekeyUseCases useCases() {
        return useCases.get();
    }

    /** Before {@link #useCases()}: the new key of an instance-key change, to finish an interrupted one. */
    public void offerNewInstanceKey(InstanceKey newKey) {
        newKeyOffer.accept(newKey);
    }

    /** Before {@link #useCases()}: a key import follows, so an empty store is not seeded. */
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
