package org.rekey.application.service.maintenance;

import java.time.Clock;
import java.util.Optional;
import org.rekey.application.port.in.maintenance.BatchCommand;
import org.rekey.application.port.in.maintenance.BatchReport;
import org.rekey.application.port.in.maintenance.ChangeInstanceKeyCommand;
import org.rekey.application.port.in.maintenance.ChangeInstanceKeyUseCase;
import org.rekey.application.port.in.maintenance.InstanceKeyChange;
import org.rekey.application.port.in.maintenance.ProgressListener;
import org.rekey.application.port.out.InstanceKeySourcesPort;
import org.rekey.application.port.out.LoadDataKeysPort;
import org.rekey.application.port.out.LoadRecordsPort;
import org.rekey.application.port.out.SaveDataKeysPort;
import org.rekey.application.port.out.TransactionPort;
import org.rekey.application.service.keyring.InstanceKeyResolver;
import org.rekey.application.service.keyring.KeyringCache;
import org.rekey.application.service.keyring.RekeySettings;
import org.rekey.domain.error.ErrorCode;
import org.rekey.domain.error.RekeyException;
import org.rekey.domain.key.DataKeyId;
import org.rekey.domain.key.Keyring;
import org.rekey.domain.key.Keyring.KeyChange;
import org.rekey.domain.key.SecretAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces the instance key in three steps, each safe to interrupt:
 * <ol>
 *   <li>every record moves to the active data key (batches, resumable), so none depends on the old
 *       instance key directly; an interrupted run leaves everything readable with the old key;</li>
 *   <li>one transaction re-wraps every data key under the new instance key: before it commits only the
 *       old key starts an instance, after it only the new one does, and the refusal says which;</li>
 *   <li>the config file gets the new key, when that is where the key is kept.</li>
 * </ol>
 * Killed between the last two steps, a rerun with the same new key finishes: start-up accepts the offered new
 * key when it unwraps the keys and the configured one does not, and only the last step runs.
 */
public final class ChangeInstanceKeyService implements ChangeInstanceKeyUseCase {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeInstanceKeyService.class);

    private final RecordMover mover;
    private final TransactionPort transactions;
    private final LoadDataKeysPort loadDataKeys;
    private final SaveDataKeysPort saveDataKeys;
    private final LoadRecordsPort loadRecords;
    private final InstanceKeySourcesPort sources;
    private final InstanceKeyResolver resolver;
    private final KeyringCache keyring;
    private final RekeySettings settings;
    private final Clock clock;

    public ChangeInstanceKeyService(RecordMover mover, TransactionPort transactions, LoadDataKeysPort loadDataKeys,
            SaveDataKeysPort saveDataKeys, LoadRecordsPort loadRecords, InstanceKeySourcesPort sources,
            InstanceKeyResolver resolver, KeyringCache keyring, RekeySettings settings, Clock clock) {
        this.resolver = resolver;
        this.mover = mover;
        this.transactions = transactions;
        this.loadDataKeys = loadDataKeys;
        this.saveDataKeys = saveDataKeys;
        this.loadRecords = loadRecords;
        this.sources = sources;
        this.keyring = keyring;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public InstanceKeyChange changeInstanceKey(ChangeInstanceKeyCommand command, ProgressListener listener) {
        if (!settings.rotationEnabled()) {
            throw new RekeyException(ErrorCode.ROTATION_DISABLED, "changing the instance key moves every record to"
                    + " a data key first, which needs N8N_ENV_FEAT_ENCRYPTION_KEY_ROTATION=true");
        }
        if (keyring.current().instanceKey().sameAs(command.newKey())) {
            Optional<InstanceKeyResolver.Resolved> configured = resolver.configured();
            if (configured.isEmpty() || configured.get().key().sameAs(command.newKey())) {
                throw RekeyException.invalid("the new instance key is the one in use already");
            }
            LOG.warn("finishing an interrupted instance-key change: the data keys are wrapped under the new key"
                    + " already, {} still holds the old one", configured.get().source());
            return finish(command, 0, 0);
        }
        BatchReport moved = mover.move(RecordMover.Target.ACTIVE_KEY, new BatchCommand(command.batchSize(), false),
                listener);
        if (!moved.succeeded()) {
            throw new RekeyException(ErrorCode.DECRYPTION_FAILED, moved.failures().size() + " record(s) do not"
                    + " decrypt, so they would be lost with the old key; `rekey verify` lists them. Nothing was"
                    + " re-wrapped: the old instance key is still the only one");
        }
        KeyChange rewrapped = transactions.inTransaction(() -> {
            long legacy = loadRecords.countRecordsByKey().getOrDefault(Optional.<DataKeyId>empty(), 0L);
            if (legacy > 0) {
                throw new RekeyException(ErrorCode.VERSION_CONFLICT, legacy + " legacy record(s) were written"
                        + " meanwhile (an instance with rotation off?); run the change again");
            }
            Keyring stored = keyring.current().refresh(loadDataKeys.loadDataKeys());
            KeyChange change = stored.rewrap(command.newKey(), clock.instant());
            saveDataKeys.saveDataKeys(change.changed());
            return change;
        });
        keyring.replace(rewrapped.keyring());
        LOG.warn("instance key changed: {} data keys re-wrapped under the new key", rewrapped.changed().size());
        return finish(command, rewrapped.changed().size(), moved.moved());
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
}
