package org.rekey.bootstrap;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;
import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import org.rekey.adapter.persistence.Database;
import org.rekey.application.port.in.RekeyUseCases;
import org.rekey.application.port.out.RekeyEventsPort;
import org.rekey.application.service.RekeyCore;

/** One running instance: the database, the core started on it, and every use case. Wired by hand. */
public final class RekeyApp implements AutoCloseable {

    /**
     * How an instance is wired beyond its configuration.
     *
     * @param nanoClock the clock the keyring and verified-token caches age by
     * @param events where the services' events go (the metrics of {@code serve})
     * @param poolMetrics where the connection pool reports, if anywhere
     */
    public record Options(LongSupplier nanoClock, RekeyEventsPort events, Optional<MetricsTrackerFactory> poolMetrics) {

        public static final Options DEFAULT = new Options(System::nanoTime, RekeyEventsPort.NONE, Optional.empty());

        public Options {
            Objects.requireNonNull(nanoClock, "nanoClock");
            Objects.requireNonNull(events, "events");
            Objects.requireNonNull(poolMetrics, "poolMetrics");
        }

        public Options(LongSupplier nanoClock) {
            this(nanoClock, RekeyEventsPort.NONE, Optional.empty());
        }
    }

    private final Database database;
    private final RekeyCore core;

    private RekeyApp(Database database, RekeyCore core) {
        this.database = database;
        this.core = core;
    }

    /**
     * Opens the database (migrating it), resolves the instance key and prepares the keyring.
     *
     * @throws org.rekey.domain.error.RekeyException with a message that says what to fix; the database is
     *     left as it was when the instance key is wrong
     */
    public static RekeyApp open(RekeyConfig config) {
        return open(config, Options.DEFAULT);
    }

    /** As {@link #open(RekeyConfig)}, with the given {@link Options}. */
    public static RekeyApp open(RekeyConfig config, Options options) {
        Database database = Database.open(config.database(), options.poolMetrics());
        try {
            RekeyCore core = RekeyCore.start(new RekeyCore.OutPorts(database.transactions(), database.dataKeys(),
                    database.dataKeys(), database.records(), database.records(), database.records(),
                    database.apiKeys(), new ConfigFileKeySources(config), options.events()), config.settings(), Clock.systemUTC(),
                    new SecureRandom(), options.nanoClock());
            return new RekeyApp(database, core);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    public RekeyUseCases useCases() {
        return core.useCases();
    }

    @Override
    public void close() {
        core.close();
        database.close();
    }
}
