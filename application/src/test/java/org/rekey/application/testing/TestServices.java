package org.rekey.application.testing;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.function.LongSupplier;
import org.rekey.application.port.in.apikey.ApiKeyUseCases;
import org.rekey.application.port.in.audit.AuditUseCases;
import org.rekey.application.port.in.backup.BackupListener;
import org.rekey.application.port.in.credential.CredentialUseCases;
import org.rekey.application.port.in.key.KeyUseCases;
import org.rekey.application.port.in.maintenance.MaintenanceUseCases;
import org.rekey.application.port.in.settings.SettingsUseCases;
import org.rekey.application.port.in.value.ValueUseCases;
import org.rekey.application.port.out.RekeyEventsPort;
import org.rekey.application.service.RekeyCore;
import org.rekey.application.service.keyring.BootstrapKeyringService;
import org.rekey.application.service.keyring.KeyringCache;
import org.rekey.application.service.keyring.RekeySettings;
import org.rekey.application.service.keyring.StartOptions;
import org.rekey.domain.key.InstanceKey;

/**
 * Every service wired by hand over the in-memory fakes, as {@code bootstrap} wires them over the database:
 * one "instance" of rekey. Building it runs start-up ({@link BootstrapKeyringService}). Two instances
 * built over the same {@link InMemoryStore} behave like two processes sharing one database.
 *
 * <pre>{@code
 * try (TestServices rekey = TestServices.builder().rotationEnabled(true).build()) {
 *     rekey.keys().rotateDataKey(OPERATOR).rotateDataKey(OPERATOR);
 * }
 * }</pre>
 */
public final class TestServices implements AutoCloseable {

    /** The instance key a builder puts in {@code N8N_ENCRYPTION_KEY} unless told otherwise. */
    public static final String DEFAULT_INSTANCE_KEY = "test-instance-key-do-not-use-in-production";

    private final InMemoryStore store;
    private final InMemoryInstanceKeySources sources;
    private final Clock clock;
    private final RekeyCore core;

    private TestServices(Builder b) {
        this.store = b.store;
        this.sources = b.sources;
        this.clock = b.clock;
        this.core = RekeyCore.start(new RekeyCore.OutPorts(store, store, store, store, store, store, store, store,
                store, b.own(), store, b.own(), b.own(), sources, store, RekeyEventsPort.NONE),
                b.settings(), clock, b.random, b.nanoClock(), StartOptions.NONE, BackupListener.NONE);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The in-ports, in the groups the adapters receive them in. */
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

    /** This instance's cached keyring. */
    public KeyringCache keyring() {
        return core.keyring();
    }

    public InMemoryStore store() {
        return store;
    }

    public InMemoryInstanceKeySources sources() {
        return sources;
    }

    public Clock clock() {
        return clock;
    }

    /** The instance key this instance started with (or was changed to). */
    public InstanceKey instanceKey() {
        return core.keyring().current().instanceKey();
    }

    /** Stops the background re-encryption thread. */
    @Override
    public void close() {
        core.close();
    }

    /**
     * Defaults: rotation on, a {@code main} instance, a fresh store, {@link #DEFAULT_INSTANCE_KEY} in the
     * environment, a {@link MutableClock} that also drives the keyring cache's refresh, a worker seed wait of
     * zero (a worker without keys fails at once).
     */
    public static final class Builder {
        private InMemoryStore store = new InMemoryStore();
        private InMemoryStore own;
        private InMemoryInstanceKeySources sources;
        private boolean rotationEnabled = true;
        private RekeySettings.InstanceType instanceType = RekeySettings.InstanceType.MAIN;
        private Duration keyRefreshInterval = RekeySettings.DEFAULT_KEY_REFRESH;
        private Duration workerSeedWait = Duration.ZERO;
        private Clock clock = new MutableClock();
        private LongSupplier nanoClock;
        private SecureRandom random = new SecureRandom();

        private Builder() {
        }

        /**
         * Where rekey's own state lives (jobs, the audit trail): another database than the store's, as with n8n's
         * store. By default the store itself, as with rekey's own.
         */
        public Builder own(InMemoryStore own) {
            this.own = own;
            return this;
        }

        private InMemoryStore own() {
            return own == null ? store : own;
        }

        /** The database this instance shares with any other built over the same store. */
        public Builder store(InMemoryStore store) {
            this.store = store;
            return this;
        }

        /** Replaces the default sources (which hold {@link #DEFAULT_INSTANCE_KEY} in the environment). */
        public Builder sources(InMemoryInstanceKeySources sources) {
            this.sources = sources;
            return this;
        }

        /** Shorthand for sources with only {@code N8N_ENCRYPTION_KEY} set to {@code key}. */
        public Builder instanceKey(String key) {
            this.sources = InMemoryInstanceKeySources.withEnvironment(key);
            return this;
        }

        public Builder rotationEnabled(boolean enabled) {
            this.rotationEnabled = enabled;
            return this;
        }

        public Builder instanceType(RekeySettings.InstanceType type) {
            this.instanceType = type;
            return this;
        }

        public Builder keyRefreshInterval(Duration interval) {
            this.keyRefreshInterval = interval;
            return this;
        }

        public Builder workerSeedWait(Duration wait) {
            this.workerSeedWait = wait;
            return this;
        }

        /** A {@link MutableClock} also drives the cache refresh unless {@link #nanoClock} is given. */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public Builder nanoClock(LongSupplier nanoClock) {
            this.nanoClock = nanoClock;
            return this;
        }

        public Builder random(SecureRandom random) {
            this.random = random;
            return this;
        }

        /** Runs start-up and wires every service. */
        public TestServices build() {
            if (sources == null) {
                sources = InMemoryInstanceKeySources.withEnvironment(DEFAULT_INSTANCE_KEY);
            }
            return new TestServices(this);
        }

        private RekeySettings settings() {
            return new RekeySettings(rotationEnabled, instanceType, keyRefreshInterval, workerSeedWait);
        }

        private LongSupplier nanoClock() {
            if (nanoClock != null) {
                return nanoClock;
            }
            return clock instanceof MutableClock mutable ? mutable.nanoTime() : System::nanoTime;
        }
    }
}
