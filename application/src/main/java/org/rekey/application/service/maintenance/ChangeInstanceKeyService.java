package org.rekey.application.service.maintenance;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rekey.application.audit.Actor;
import org.rekey.application.job.JobKind;
import org.rekey.application.port.in.maintenance.BatchCommand;
import org.rekey.application.port.in.maintenance.BatchReport;
import org.rekey.application.port.in.maintenance.ChangeInstanceKeyCommand;
import org.rekey.application.port.in.maintenance.ChangeInstanceKeyUseCase;
import org.rekey.application.port.in.maintenance.InstanceKeyChange;
import org.rekey.application.port.in.maintenance.ProgressListener;
import org.rekey.application.port.out.InstanceKeySourcesPort;
import org.rekey.application.port.out.LoadDataKeysPort;
import org.rekey.application.port.out.LoadSecretsPort;
import org.rekey.application.port.out.SaveDataKeysPort;
import org.rekey.application.port.out.SecretRewrite;
import org.rekey.application.port.out.StoredSecret;
import org.rekey.application.port.out.TransactionPort;
import org.rekey.application.port.out.WrappedSecretsPort;
import org.rekey.application.service.backup.Backups;
import org.rekey.application.service.keyring.InstanceKeyResolver;
import org.rekey.application.service.keyring.KeyringCache;
import org.rekey.application.service.keyring.RekeySettings;
import org.rekey.domain.error.ErrorCode;
import org.rekey.domain.error.RekeyException;
import org.rekey.domain.key.InstanceKey;
import org.rekey.domain.key.KeyAlgorithm;
import org.rekey.domain.key.KeyRef;
import org.rekey.domain.key.Keyring.KeyChange;
import org.rekey.domain.key.Keyring;
import org.rekey.domain.key.SecretAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces the instance key in three steps, each safe to interrupt:
 * <ol>
 *   <li>every record moves to the active data key (batches, resumable), so none depends on the old
 *       instance key directly; an interrupted run leaves everything readable with the old key;</li>
 *   <li>one transaction re-wraps every data key (the legacy row now holding the new key) and every other
 *       secret the store keeps under the instance key (n8n's signing keys): before it commits only the old key
 *       starts an instance, after it only the new one does, and the refusal says which;</li>
 *   <li>the config file gets the new key, when that is where the key is kept.</li>
 * </ol>
 * It needs an active data key, not the rotation flag: with the flag off, records pass through the data key
 * and end in the legacy format under the new key, as they began. One backup, before the first write, covers
 * the whole change.
 */
public final class ChangeInstanceKeyService implements ChangeInstanceKeyUseCase {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeInstanceKeyService.class);

    private final RecordMover mover;
    private final TransactionPort transactions;
    private final LoadDataKeysPort loadDataKeys;
    private final SaveDataKeysPort saveDataKeys;
    private final LoadSecretsPort loadSecrets;
    private final WrappedSecretsPort wrappedSecrets;
    private final InstanceKeySourcesPort sources;
    private final InstanceKeyResolver resolver;
    private final KeyringCache keyring;
    private final Backups backups;
    private final RekeySettings settings;
    private final Clock clock;
    private final JobRunner jobs;

    public ChangeInstanceKeyService(RecordMover mover, TransactionPort transactions, LoadDataKeysPort loadDataKeys,
            SaveDataKeysPort saveDataKeys, LoadSecretsPort loadSecrets, WrappedSecretsPort wrappedSecrets,
            InstanceKeySourcesPort sources, InstanceKeyResolver resolver, KeyringCache keyring, Backups backups,
            RekeySettings settings, Clock clock, JobRunner jobs) {
        this.jobs = jobs;
        this.resolver = resolver;
        this.mover = mover;
        this.transactions = transactions;
        this.loadDataKeys = loadDataKeys;
        this.saveDataKeys = saveDataKeys;
        this.loadSecrets = loadSecrets;
        this.wrappedSecrets = wrappedSecrets;
        this.sources = sources;
        this.keyring = keyring;
        this.backups = backups;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public InstanceKeyChange changeInstanceKey(ChangeInstanceKeyCommand command, ProgressListener listener,
            Actor actor) {
        if (keyring.reload().activeKey().isEmpty()) {
            throw new RekeyException(ErrorCode.ROTATION_DISABLED, "changing the instance key moves every record to"
                    + " the active data key first, and there is none: set N8N_ENV_FEAT_ENCRYPTION_KEY_ROTATION=true"
                    + " and start once (rekey, or n8n for its database), so the first data key is seeded");
        }
        InstanceKey current = keyring.current().instanceKey();
        if (current.sameAs(command.newKey())) {
            Optional<InstanceKeyResolver.Resolved> configured = resolver.configured();
            if (configured.isEmpty() || configured.get().key().sameAs(command.newKey())) {
                throw RekeyException.invalid("the new instance key is the one in use already");
            }
            LOG.warn("finishing an interrupted instance-key change: the data keys are wrapped under the new key"
                    + " already, {} still holds the old one", configured.get().source());
            return finish(command, 0, 0);
        }
        if (settings.instanceType() == RekeySettings.InstanceType.GUEST && !command.othersStopped()) {
            throw RekeyException.invalid("stop n8n first (main, workers and webhook processes): while it runs it"
                    + " keeps writing under the old key and caches the keys it read. Then run again with"
                    + " --n8n-stopped; nothing was changed");
        }
        return jobs.runNow(JobKind.INSTANCE_KEY_CHANGE, actor,
                progress -> change(command, current, progress.andThen(listener)),
                done -> new JobRunner.Ending(true, done.keysRewrapped() + " keys re-wrapped, " + done.recordsMoved()
                        + " records moved"));
    }

    private InstanceKeyChange change(ChangeInstanceKeyCommand command, InstanceKey current,
            ProgressListener listener) {
        backups.before("instance-key-change");
        BatchCommand batches = new BatchCommand(command.batchSize(), false);
        BatchReport moved = mover.moveAfterBackup(RecordMover.Target.ACTIVE_KEY, batches, listener);
        if (!moved.succeeded()) {
            throw new RekeyException(ErrorCode.DECRYPTION_FAILED, moved.failures().size() + " record(s) do not"
                    + " decrypt, so they would be lost with the old key; `rekey verify` lists them. Nothing was"
                    + " re-wrapped: the old instance key is still the only one");
        }
        Rewrap rewrapped = transactions.inTransaction(() -> {
            Map<KeyRef, Long> counts = loadSecrets.countSecretsByKey();
            Keyring stored = keyring.current().refresh(loadDataKeys.loadDataKeys());
            long onInstanceKey = counts.getOrDefault(KeyRef.LEGACY, 0L) + stored.keys().stream()
                    .filter(key -> key.algorithm() == KeyAlgorithm.AES_256_CBC)
                    .mapToLong(key -> counts.getOrDefault(KeyRef.of(key.id()), 0L)).sum();
            if (onInstanceKey > 0) {
                throw new RekeyException(ErrorCode.VERSION_CONFLICT, onInstanceKey + " legacy record(s) were written"
                        + " meanwhile (an instance with rotation off?); nothing was re-wrapped: run the change again");
            }
            KeyChange change = stored.rewrap(command.newKey(), clock.instant());
            saveDataKeys.saveDataKeys(change.changed());
            return new Rewrap(change, rewrapSecrets(current, command.newKey()));
        });
        keyring.replace(rewrapped.keys().keyring());
        if (!settings.rotationEnabled()) {
            // Rotation off: records go back to the legacy format, now under the new key, as the flag wants them.
            mover.moveAfterBackup(RecordMover.Target.LEGACY, batches, listener);
        }
        int total = rewrapped.keys().changed().size() + rewrapped.secrets();
        LOG.warn("instance key changed: {} data keys and {} other secrets re-wrapped under the new key",
                rewrapped.keys().changed().size(), rewrapped.secrets());
        return finish(command, total, moved.moved());
    }

    /** The last step: the config file gets the new key when that is where the key is kept. */
    private InstanceKeyChange finish(ChangeInstanceKeyCommand command, int keysRewrapped, long recordsMoved) {
        boolean fromEnvironment = sources.fromEnvironment().isPresent() || sources.fromKeyFile().isPresent();
        boolean inConfigFile = sources.fromConfigFile().isPresent() || !fromEnvironment;
        if (inConfigFile) {
            sources.saveToConfigFile(command.newKey().reveal(SecretAccess.granted()));
        }
        String nextStep;
        if (!fromEnvironment) {
            nextStep = "the new key is saved in " + sources.describeConfigFile() + "; give every other instance the"
                    + " same key and restart it";
        } else {
            nextStep = "set N8N_ENCRYPTION_KEY (or N8N_ENCRYPTION_KEY_FILE) to the new key on every instance and"
                    + " restart them: an instance still on the old key refuses to start";
        }
        return new InstanceKeyChange(keysRewrapped, recordsMoved, inConfigFile, nextStep);
    }

    /** Re-protects every secret kept directly under the instance key; all or nothing. */
    private int rewrapSecrets(InstanceKey current, InstanceKey next) {
        List<SecretRewrite> rewrites = new ArrayList<>();
        for (StoredSecret secret : wrappedSecrets.loadWrappedSecrets()) {
            rewrites.add(new SecretRewrite(secret, current.reprotect(secret.value(), next, secret.location().toString())));
        }
        int written = wrappedSecrets.rewrapSecrets(rewrites).size();
        if (written != rewrites.size()) {
            throw new RekeyException(ErrorCode.VERSION_CONFLICT, (rewrites.size() - written) + " wrapped secret(s)"
                    + " changed while they were re-wrapped; nothing was re-wrapped: run the change again");
        }
        return written;
    }

    /** The data keys re-wrapped, and how many other secrets were. */
    private record Rewrap(KeyChange keys, int secrets) {
    }
}
