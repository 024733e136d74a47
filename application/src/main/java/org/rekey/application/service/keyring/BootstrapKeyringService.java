package org.rekey.application.service.keyring;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.rekey.application.port.in.startup.BootstrapKeyringUseCase;
import org.rekey.application.port.out.LoadDataKeysPort;
import org.rekey.application.port.out.LoadRecordsPort;
import org.rekey.application.port.out.SaveDataKeysPort;
import org.rekey.application.port.out.TransactionPort;
import org.rekey.domain.error.ErrorCode;
import org.rekey.domain.error.RekeyException;
import org.rekey.domain.key.DataKey;
import org.rekey.domain.key.InstanceKey;
import org.rekey.domain.key.Keyring;
import org.rekey.domain.record.EncryptedRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Start-up. A main instance with rotation on seeds the legacy row and the first key when there are
 * none; if another main seeds at the same moment, the database's one-active-key rule rejects one of
 * the two transactions and that instance uses the other's keys. A worker waits for a main. Every
 * instance then unwraps all keys, which proves its instance key before anything is written.
 */
public final class BootstrapKeyringService implements BootstrapKeyringUseCase {

    private static final Logger LOG = LoggerFactory.getLogger(BootstrapKeyringService.class);
    private static final long WORKER_POLL_MILLIS = 250;

    private final InstanceKeyResolver resolver;
    private final TransactionPort transactions;
    private final LoadDataKeysPort loadDataKeys;
    private final SaveDataKeysPort saveDataKeys;
    private final LoadRecordsPort loadRecords;
    private final RekeySettings settings;
    private final Clock clock;
    private final SecureRandom random;
    private final Optional<InstanceKey> offeredNewKey;
    private final boolean seedingDeferred;

    public BootstrapKeyringService(InstanceKeyResolver resolver, TransactionPort transactions,
            LoadDataKeysPort loadDataKeys, SaveDataKeysPort saveDataKeys, LoadRecordsPort loadRecords,
            RekeySettings settings, Clock clock, SecureRandom random) {
        this(resolver, transactions, loadDataKeys, saveDataKeys, loadRecords, settings, clock, random,
                StartOptions.NONE);
    }

    /** @param options what the command this process runs asks of start-up */
    public BootstrapKeyringService(InstanceKeyResolver resolver, TransactionPort transactions,
            LoadDataKeysPort loadDataKeys, SaveDataKeysPort saveDataKeys, LoadRecordsPort loadRecords,
            RekeySettings settings, Clock clock, SecureRandom random, StartOptions options) {
        this.offeredNewKey = options.offeredNewKey();
        this.seedingDeferred = options.seedingDeferred();
        this.resolver = resolver;
        this.transactions = transactions;
        this.loadDataKeys = loadDataKeys;
        this.saveDataKeys = saveDataKeys;
        this.loadRecords = loadRecords;
        this.settings = settings;
        this.clock = clock;
        this.random = random;
    }

    @Override
    public Keyring bootstrapKeyring() {
        InstanceKeyResolver.Resolved resolved = resolver.resolveWithSource(
                () -> !loadDataKeys.loadDataKeys().isEmpty() || loadRecords.countRecords() > 0);
        InstanceKey instanceKey = resolved.key();
        List<DataKey> stored = loadDataKeys.loadDataKeys();
        if (stored.isEmpty()) {
            requireKeyReadsLegacyRecords(resolved);
            if (!settings.rotationEnabled()) {
                return Keyring.empty(instanceKey);
            }
            if (seedingDeferred && settings.instanceType() == RekeySettings.InstanceType.MAIN) {
                LOG.info("no data keys yet: not seeding, the key import takes the place of the first keys");
                return Keyring.empty(instanceKey);
            }
            stored = switch (settings.instanceType()) {
                case MAIN -> seed(instanceKey);
                case WORKER -> awaitSeed();
                case GUEST -> throw new RekeyException(ErrorCode.KEYRING_NOT_SEEDED, "n8n's database has no data"
                        + " keys yet: start n8n once with N8N_ENV_FEAT_ENCRYPTION_KEY_ROTATION=true so that it seeds"
                        + " them (rekey never seeds n8n's keys), then run rekey again; nothing was changed");
            };
        }
        Keyring keyring = unwrap(resolved, stored);
        keyring.activeKey().ifPresent(active -> LOG.info("keyring ready: {} keys, active key {}",
                keyring.keys().size(), active.id()));
        return keyring;
    }

    /**
     * Unwraps the stored keys with the configured instance key, or else with the new key an interrupted
     * {@code instance-key change} is being finished with, if the command offered one and it unwraps them.
     */
    private Keyring unwrap(InstanceKeyResolver.Resolved resolved, List<DataKey> stored) {
        try {
            return Keyring.reconstitute(resolved.key(), stored);
        } catch (RekeyException e) {
            if (e.code() != ErrorCode.WRONG_INSTANCE_KEY) {
                throw e;
            }
        }
        if (offeredNewKey.isPresent()) {
            try {
                Keyring keyring = Keyring.reconstitute(offeredNewKey.get(), stored);
                LOG.warn("the data keys are wrapped under the new instance key (key {}), not under the key from {}"
                        + " (key {}): finishing an interrupted instance-key change", offeredNewKey.get().fingerprint(),
                        resolved.source(), resolved.key().fingerprint());
                return keyring;
            } catch (RekeyException e) {
                if (e.code() != ErrorCode.WRONG_INSTANCE_KEY) {
                    throw e;
                }
            }
        }
        throw new RekeyException(ErrorCode.WRONG_INSTANCE_KEY, "the data keys do not unwrap with the instance key"
                + " from " + resolved.source() + " (key " + resolved.key().fingerprint() + "); "
                + resolver.describeSources() + ". Set the key the data keys were wrapped under. If `rekey"
                + " instance-key change` was interrupted, the keys may be wrapped under the new key already: finish"
                + " with `rekey instance-key change --from-env VAR` (or --from-file PATH) holding the new key."
                + " Nothing was changed");
    }

    private List<DataKey> seed(InstanceKey instanceKey) {
        Keyring seeded = Keyring.seed(instanceKey, clock.instant(), random);
        try {
            transactions.inTransaction(() -> {
                if (loadDataKeys.loadDataKeys().isEmpty()) {
                    saveDataKeys.saveDataKeys(seeded.keys());
                }
                return null;
            });
        } catch (RekeyException e) {
            if (e.code() != ErrorCode.ROTATION_CONFLICT && e.code() != ErrorCode.DUPLICATE_ID) {
                throw e;
            }
            LOG.info("another instance seeded the keys at the same moment; using its keys");
        }
        List<DataKey> stored = loadDataKeys.loadDataKeys();
        if (stored.stream().anyMatch(k -> seeded.keys().contains(k))) {
            LOG.info("seeded the legacy key row and the first data key");
        }
        return stored;
    }

    private List<DataKey> awaitSeed() {
        Instant deadline = clock.instant().plus(settings.workerSeedWait());
        LOG.info("worker instance: waiting up to {} for a main instance to seed the data keys", settings.workerSeedWait());
        while (true) {
            List<DataKey> stored = loadDataKeys.loadDataKeys();
            if (!stored.isEmpty()) {
                return stored;
            }
            if (!clock.instant().isBefore(deadline)) {
                throw new RekeyException(ErrorCode.KEYRING_NOT_SEEDED, "no data keys after waiting "
                        + settings.workerSeedWait().toSeconds() + " s: start a main instance (REKEY_INSTANCE_TYPE=main)"
                        + " with N8N_ENV_FEAT_ENCRYPTION_KEY_ROTATION=true first, then the workers");
            }
            try {
                Thread.sleep(WORKER_POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RekeyException(ErrorCode.KEYRING_NOT_SEEDED, "interrupted while waiting for the data keys");
            }
        }
    }

    /**
     * Before the first keys are seeded there is nothing to unwrap, so the instance key is checked
     * against a stored legacy record instead, if there is one: seeding under a wrong key would wrap
     * the new keys under it.
     */
    private void requireKeyReadsLegacyRecords(InstanceKeyResolver.Resolved resolved) {
        InstanceKey instanceKey = resolved.key();
        Optional<EncryptedRecord> sample = loadRecords.loadRecordsAfter(Optional.empty(), 1).stream().findFirst();
        if (sample.isEmpty()) {
            return;
        }
        try {
            if (sample.get().keyId().isEmpty()) {
                instanceKey.decryptLegacy(sample.get().data());
            }
        } catch (RekeyException e) {
            if (e.code() == ErrorCode.DECRYPTION_FAILED) {
                throw new RekeyException(ErrorCode.WRONG_INSTANCE_KEY, "stored credential " + sample.get().id()
                        + " does not decrypt with the instance key from " + resolved.source() + " (key "
                        + instanceKey.fingerprint() + "): it differs from the key the data was written with; "
                        + resolver.describeSources() + ". Set the original key; nothing was changed");
            }
        }
    }
}
