package org.rekey.bootstrap;

import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.rekey.adapter.persistence.Database;
import org.rekey.adapter.persistence.n8n.N8nBackups;
import org.rekey.adapter.persistence.n8n.N8nCredentialRepository;
import org.rekey.adapter.persistence.n8n.N8nKeyRepository;
import org.rekey.adapter.persistence.n8n.N8nSecretRepository;
import org.rekey.adapter.persistence.n8n.N8nStore;
import org.rekey.application.audit.Actor;
import org.rekey.application.error.ApplicationErrorCode;
import org.rekey.application.port.in.apikey.ApiKeyUseCases;
import org.rekey.application.port.in.audit.AuditUseCases;
import org.rekey.application.port.in.backup.BackupListener;
import org.rekey.application.port.in.backup.RestoreBackupUseCase;
import org.rekey.application.port.in.credential.CredentialUseCases;
import org.rekey.application.port.in.key.KeyUseCases;
import org.rekey.application.port.in.maintenance.MaintenanceUseCases;
import org.rekey.application.port.in.settings.SettingsUseCases;
import org.rekey.application.port.in.value.ValueUseCases;
import org.rekey.application.port.out.CheckStorePort;
import org.rekey.application.port.out.RekeyEventsPort;
import org.rekey.application.service.RekeyCore;
import org.rekey.application.service.audit.AuditTrail;
import org.rekey.application.service.backup.RestoreBackupService;
import org.rekey.application.service.keyring.RekeySettings;
import org.rekey.application.service.keyring.StartOptions;
import org.rekey.domain.error.RekeyException;

/**
 * One running instance: its store, the core started on it, and its use cases in groups. Wired by hand.
 *
 * <p>On rekey's own store ({@code REKEY_STORE=rekey}) everything lives in one database. On n8n's
 * ({@code REKEY_STORE=n8n}) the keys and every secret are n8n's own tables, found from n8n's environment, while
 * rekey's own state (API tokens) stays in rekey's database in its user folder, never in n8n's tables.
 */
public final class RekeyApp implements AutoCloseable {

    /**
     * How an instance is wired beyond its configuration.
     *
     * @param nanoClock the clock the keyring and verified-token caches age by
     * @param events where the services' events go (the metrics of {@code serve})
     * @param poolMetrics where the connection pools report, if anywhere
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
    private final Optional<N8nStore> n8n;
    private final RekeyCore core;

    private RekeyApp(Database database, Optional<N8nStore> n8n, RekeyCore core) {
        this.database = database;
        this.n8n = n8n;
        this.core = core;
    }

    /**
     * Opens the store (migrating rekey's own schema), resolves the instance key and prepares the keyring.
     *
     * @throws RekeyException with a message that says what to fix; the database is left as it was when the
     *     instance key is wrong
     */
    public static RekeyApp open(RekeyConfig config, StartOptions options, BackupListener backups) {
        return open(config, options, backups, Options.DEFAULT);
    }

    /** As {@link #open(RekeyConfig, StartOptions, BackupListener)}, wired with the given {@link Options}. */
    public static RekeyApp open(RekeyConfig config, StartOptions options, BackupListener backups, Options wiring) {
        if (config.embeddedDatabase()) {
            PrivateFiles.createFolder(config.userFolder());
        }
        Database database = Database.open(config.database(), wiring.poolMetrics());
        N8nStore n8n = null;
        try {
            if (config.embeddedDatabase()) {
                PrivateFiles.restrictFiles(config.userFolder(), RekeyConfig.EMBEDDED_DATABASE_NAME + ".");
            }
            RekeyCore core;
            if (config.store() == RekeyConfig.Store.N8N) {
                N8nEnvironment environment = new N8nEnvironment(config);
                n8n = N8nStore.open(environment.database(), wiring.poolMetrics());
                N8nKeyRepository keys = n8n.keys();
                N8nCredentialRepository credentials = n8n.credentials();
                N8nSecretRepository secrets = n8n.secrets();
                core = start(new RekeyCore.OutPorts(n8n.transactions(), keys, keys, credentials, credentials, secrets,
                        secrets, keys, n8nBackups(n8n, config, environment), database.transactions(),
                        database.apiKeys(), database.jobs(), database.audit(),
                        new ConfigFileKeySources(config, environment.configFile()),
                        n8nHealth(n8n, database), wiring.events()),
                        guest(config.settings()), options, backups, wiring);
            } else {
                core = start(new RekeyCore.OutPorts(database.transactions(), database.dataKeys(), database.dataKeys(),
                        database.records(), database.records(), database.secrets(), database.secrets(),
                        database.dataKeys(), operation -> Optional.empty(), database.transactions(),
                        database.apiKeys(), database.jobs(), database.audit(),
                        new ConfigFileKeySources(config, config.userFolder().resolve("config")),
                        database.storeCheck(), wiring.events()), config.settings(), options, backups, wiring);
            }
            return new RekeyApp(database, Optional.ofNullable(n8n), core);
        } catch (RuntimeException e) {
            if (n8n != null) {
                n8n.close();
            }
            database.close();
            throw e;
        }
    }

    private static RekeyCore start(RekeyCore.OutPorts ports, RekeySettings settings, StartOptions options,
            BackupListener backups, Options wiring) {
        return RekeyCore.start(ports, settings, Clock.systemUTC(), new SecureRandom(), wiring.nanoClock(), options,
                backups);
    }

    /** n8n's tables and rekey's own (API tokens) must both answer. */
    private static CheckStorePort n8nHealth(N8nStore n8n, Database own) {
        CheckStorePort n8nTables = n8n.storeCheck();
        CheckStorePort ownTables = own.storeCheck();
        return () -> n8nTables.storeAnswers() && ownTables.storeAnswers();
    }

    /** On n8n's database rekey never seeds keys: n8n does. */
    private static RekeySettings guest(RekeySettings settings) {
        return new RekeySettings(settings.rotationEnabled(), RekeySettings.InstanceType.GUEST,
                settings.keyRefreshInterval(), settings.workerSeedWait());
    }

    private static N8nBackups n8nBackups(N8nStore n8n, RekeyConfig config, N8nEnvironment environment) {
        return new N8nBackups(n8n, config.userFolder().resolve("backups"), Optional.of(environment.configFile()),
                Clock.systemUTC());
    }

    /**
     * Restoring opens only n8n's store: a backup may belong to an instance key other than the one configured
     * now, so the keyring is not started.
     *
     * @return the restore use case and what to close when done
     */
    public static Restoring restoring(RekeyConfig config) {
        if (config.store() != RekeyConfig.Store.N8N) {
            throw new RekeyException(ApplicationErrorCode.NOT_SUPPORTED, "rekey restore puts back rows rekey backed up in n8n's"
                    + " database (REKEY_STORE=n8n); rekey's own database is backed up and restored with the"
                    + " database's own tools");
        }
        N8nEnvironment environment = new N8nEnvironment(config);
        if (config.embeddedDatabase()) {
            PrivateFiles.createFolder(config.userFolder());
        }
        Database own = Database.open(config.database());
        try {
            N8nStore n8n = N8nStore.open(environment.database());
            AuditTrail audit = new AuditTrail(own.audit(), own.transactions(), Clock.systemUTC(),
                    Actor.thisInstance());
            return new Restoring(new RestoreBackupService(n8nBackups(n8n, config, environment), audit), () -> {
                n8n.close();
                own.close();
            });
        } catch (RuntimeException e) {
            own.close();
            throw e;
        }
    }

    /** A restore use case over the open stores (n8n's, and rekey's own for the audit trail). */
    public record Restoring(RestoreBackupUseCase useCase, AutoCloseable store) {
    }

    public KeyUseCases keys() {
        return core.keys();
    }

    public CredentialUseCases credentials() {
        return core.credentials();
    }

    public ValueUseCases values() {
        return core.values();
    }

    public MaintenanceUseCases maintenance() {
        return core.maintenance();
    }

    public ApiKeyUseCases apiKeys() {
        return core.apiKeys();
    }

    public SettingsUseCases settings() {
        return core.settings();
    }

    public AuditUseCases audit() {
        return core.audit();
    }

    @Override
    public void close() {
        core.close();
        n8n.ifPresent(N8nStore::close);
        database.close();
    }
}
