package org.rekey.application.service;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.function.LongSupplier;
import org.rekey.application.port.in.RekeyUseCases;
import org.rekey.application.port.out.ApiKeyStorePort;
import org.rekey.application.port.out.ClaimRecordsPort;
import org.rekey.application.port.out.InstanceKeySourcesPort;
import org.rekey.application.port.out.LoadDataKeysPort;
import org.rekey.application.port.out.LoadRecordsPort;
import org.rekey.application.port.out.RekeyEventsPort;
import org.rekey.application.port.out.SaveDataKeysPort;
import org.rekey.application.port.out.SaveRecordPort;
import org.rekey.application.port.out.TransactionPort;
import org.rekey.application.service.apikey.AuthenticateService;
import org.rekey.application.service.apikey.CreateApiKeyService;
import org.rekey.application.service.apikey.ListApiKeysService;
import org.rekey.application.service.apikey.RevokeApiKeyService;
import org.rekey.application.service.apikey.VerifiedKeyCache;
import org.rekey.application.service.credential.CreateCredentialService;
import org.rekey.application.service.credential.DeleteCredentialService;
import org.rekey.application.service.credential.ExportCredentialsService;
import org.rekey.application.service.credential.GetCredentialService;
import org.rekey.application.service.credential.ImportCredentialsService;
import org.rekey.application.service.credential.ListCredentialsService;
import org.rekey.application.service.credential.UpdateCredentialService;
import org.rekey.application.service.key.DestroyDataKeyService;
import org.rekey.application.service.key.ImportDataKeyService;
import org.rekey.application.service.key.KeyChanges;
import org.rekey.application.service.key.ListDataKeysService;
import org.rekey.application.service.key.RotateDataKeyService;
import org.rekey.application.service.key.ShowDataKeyService;
import org.rekey.application.service.keyring.BootstrapKeyringService;
import org.rekey.application.service.keyring.InstanceKeyResolver;
import org.rekey.application.service.keyring.KeyringCache;
import org.rekey.application.service.keyring.RekeySettings;
import org.rekey.application.service.maintenance.ChangeInstanceKeyService;
import org.rekey.application.service.maintenance.DowngradeToLegacyService;
import org.rekey.application.service.maintenance.RecordMover;
import org.rekey.application.service.maintenance.ReencryptService;
import org.rekey.application.service.maintenance.ReencryptionJobService;
import org.rekey.application.service.maintenance.VerifyRecordsService;
import org.rekey.application.service.settings.HealthService;
import org.rekey.application.service.settings.ModuleSettingsService;
import org.rekey.application.service.value.DecryptValueService;
import org.rekey.application.service.value.EncryptValueService;
import org.rekey.application.service.value.InspectValueService;
import org.rekey.domain.key.Keyring;

/**
 * The core of one rekey instance: it runs start-up against the out-ports it is given, then builds every
 * service by hand. Bootstrap gives it the real adapters; tests give it fakes.
 */
public final class RekeyCore implements AutoCloseable {

    /** Every out-port the core needs. */
    public record OutPorts(TransactionPort transactions, LoadDataKeysPort loadDataKeys, SaveDataKeysPort saveDataKeys,
            LoadRecordsPort loadRecords, SaveRecordPort saveRecord, ClaimRecordsPort claimRecords,
            ApiKeyStorePort apiKeys, InstanceKeySourcesPort instanceKeySources, RekeyEventsPort events) {

        /** The out-ports, with events told to nobody. */
        public OutPorts(TransactionPort transactions, LoadDataKeysPort loadDataKeys, SaveDataKeysPort saveDataKeys,
                LoadRecordsPort loadRecords, SaveRecordPort saveRecord, ClaimRecordsPort claimRecords,
                ApiKeyStorePort apiKeys, InstanceKeySourcesPort instanceKeySources) {
            this(transactions, loadDataKeys, saveDataKeys, loadRecords, saveRecord, claimRecords, apiKeys,
                    instanceKeySources, RekeyEventsPort.NONE);
        }
    }

    private final RekeyUseCases useCases;
    private final KeyringCache keyring;
    private final ReencryptionJobService reencryptionJob;

    private RekeyCore(RekeyUseCases useCases, KeyringCache keyring, ReencryptionJobService reencryptionJob) {
        this.useCases = useCases;
        this.keyring = keyring;
        this.reencryptionJob = reencryptionJob;
    }

    /**
     * Starts an instance: resolves the instance key, seeds or waits for keys, proves the key.
     *
     * @throws org.rekey.domain.error.RekeyException as {@link BootstrapKeyringService#bootstrapKeyring()} does
     */
    public static RekeyCore start(OutPorts ports, RekeySettings settings, Clock clock, SecureRandom random) {
        return start(ports, settings, clock, random, System::nanoTime);
    }

    /** As {@link #start(OutPorts, RekeySettings, Clock, SecureRandom)}, with the clock the keyring cache ages by. */
    public static RekeyCore start(OutPorts ports, RekeySettings settings, Clock clock, SecureRandom random,
            LongSupplier nanoClock) {
        Keyring initial = new BootstrapKeyringService(new InstanceKeyResolver(ports.instanceKeySources(), random),
                ports.transactions(), ports.loadDataKeys(), ports.saveDataKeys(), ports.loadRecords(), settings, clock,
                random).bootstrapKeyring();
        KeyringCache keyring = new KeyringCache(ports.loadDataKeys(), initial, settings.keyRefreshInterval(),
                nanoClock, ports.events());
        KeyChanges keyChanges = new KeyChanges(ports.transactions(), ports.loadDataKeys(), ports.saveDataKeys(), keyring);
        RecordMover mover = new RecordMover(ports.transactions(), ports.claimRecords(), ports.saveRecord(),
                ports.loadRecords(), keyring);
        ReencryptService reencrypt = new ReencryptService(mover, settings);
        ReencryptionJobService reencryptionJob = new ReencryptionJobService(reencrypt, clock);
        VerifiedKeyCache verifiedKeys = new VerifiedKeyCache(settings.keyRefreshInterval(), nanoClock);
        RekeyUseCases useCases = new RekeyUseCases(
                new RotateDataKeyService(keyChanges, settings, clock, random, ports.events()),
                new ListDataKeysService(ports.loadDataKeys(), ports.loadRecords()),
                new ShowDataKeyService(ports.loadDataKeys(), ports.loadRecords()),
                new ImportDataKeyService(keyChanges, ports.loadRecords(), settings, clock),
                new DestroyDataKeyService(keyChanges, ports.loadRecords(), clock),
                new CreateCredentialService(keyring, ports.saveRecord(), settings, clock, random),
                new GetCredentialService(keyring, ports.loadRecords()),
                new ListCredentialsService(ports.loadRecords()),
                new UpdateCredentialService(keyring, ports.loadRecords(), ports.saveRecord(), settings, clock),
                new DeleteCredentialService(ports.saveRecord()),
                new ImportCredentialsService(keyring, ports.saveRecord(), ports.transactions(), clock),
                new ExportCredentialsService(keyring, ports.loadRecords()),
                new EncryptValueService(keyring, settings),
                new DecryptValueService(keyring),
                new InspectValueService(keyring),
                new ModuleSettingsService(settings),
                new HealthService(keyring, settings),
                new CreateApiKeyService(ports.apiKeys(), clock, random),
                new ListApiKeysService(ports.apiKeys()),
                new RevokeApiKeyService(ports.apiKeys(), clock, verifiedKeys),
                new AuthenticateService(ports.apiKeys(), verifiedKeys),
                reencrypt,
                reencryptionJob,
                new VerifyRecordsService(ports.loadRecords(), keyring),
                new DowngradeToLegacyService(mover),
                new ChangeInstanceKeyService(mover, ports.transactions(), ports.loadDataKeys(), ports.saveDataKeys(),
                        ports.loadRecords(), ports.instanceKeySources(), keyring, settings, clock));
        return new RekeyCore(useCases, keyring, reencryptionJob);
    }

    public RekeyUseCases useCases() {
        return useCases;
    }

    /** This instance's cached view of the keyring. */
    public KeyringCache keyring() {
        return keyring;
    }

    /** Stops the background re-encryption thread, if any. */
    @Override
    public void close() {
        reencryptionJob.close();
    }
}
