package org.rekey.application.service;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.function.LongSupplier;
import org.rekey.application.audit.Actor;
import org.rekey.application.port.in.apikey.ApiKeyUseCases;
import org.rekey.application.port.in.audit.AuditUseCases;
import org.rekey.application.port.in.backup.BackupListener;
import org.rekey.application.port.in.credential.CredentialUseCases;
import org.rekey.application.port.in.key.KeyUseCases;
import org.rekey.application.port.in.maintenance.MaintenanceUseCases;
import org.rekey.application.port.in.settings.SettingsUseCases;
import org.rekey.application.port.in.value.ValueUseCases;
import org.rekey.application.port.out.ApiKeyStorePort;
import org.rekey.application.port.out.AuditLogPort;
import org.rekey.application.port.out.BackupPort;
import org.rekey.application.port.out.CheckStorePort;
import org.rekey.application.port.out.InstanceKeySourcesPort;
import org.rekey.application.port.out.JobStorePort;
import org.rekey.application.port.out.LoadDataKeysPort;
import org.rekey.application.port.out.LoadRecordsPort;
import org.rekey.application.port.out.LoadSecretsPort;
import org.rekey.application.port.out.RekeyEventsPort;
import org.rekey.application.port.out.RewriteSecretsPort;
import org.rekey.application.port.out.SaveDataKeysPort;
import org.rekey.application.port.out.SaveRecordPort;
import org.rekey.application.port.out.TransactionPort;
import org.rekey.application.port.out.WrappedSecretsPort;
import org.rekey.application.service.apikey.AuthenticateService;
import org.rekey.application.service.apikey.CreateApiKeyService;
import org.rekey.application.service.apikey.ListApiKeysService;
import org.rekey.application.service.apikey.RevokeApiKeyService;
import org.rekey.application.service.apikey.VerifiedKeyCache;
import org.rekey.application.service.audit.AuditTrail;
import org.rekey.application.service.audit.ListAuditService;
import org.rekey.application.service.backup.Backups;
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
import org.rekey.application.service.keyring.StartOptions;
import org.rekey.application.service.maintenance.ChangeInstanceKeyService;
import org.rekey.application.service.maintenance.DowngradeToLegacyService;
import org.rekey.application.service.maintenance.JobRunner;
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

    /**
     * Every out-port the core needs.
     *
     * @param transactions the transactions of the store that holds the keys and the secrets
     * @param ownTransactions the transactions of rekey's own database, which holds the API keys, the jobs and the
     *     audit trail: the same as {@code transactions} on rekey's store, another database on n8n's
     */
    public record OutPorts(TransactionPort transactions, LoadDataKeysPort loadDataKeys, SaveDataKeysPort saveDataKeys,
            LoadRecordsPort loadRecords, SaveRecordPort saveRecord, LoadSecretsPort loadSecrets,
            RewriteSecretsPort rewriteSecrets, WrappedSecretsPort wrappedSecrets, BackupPort backups,
            TransactionPort ownTransactions, ApiKeyStorePort apiKeys, JobStorePort jobs, AuditLogPort audit,
            InstanceKeySourcesPort instanceKeySources, CheckStorePort checkStore, RekeyEventsPort events) {
    }

    private final KeyUseCases keys;
    private final CredentialUseCases credentials;
    private final ValueUseCases values;
    private final MaintenanceUseCases maintenance;
    private final ApiKeyUseCases apiKeys;
    private final SettingsUseCases settings;
    private final AuditUseCases audit;
    private final KeyringCache keyring;
    private final JobRunner jobs;
    private final AuditTrail trail;
    private final ReencryptionJobService reencryptionJob;

    private RekeyCore(OutPorts ports, RekeySettings config, Clock clock, SecureRandom random, KeyringCache keyring,
            InstanceKeyResolver resolver, BackupListener backupListener, LongSupplier nanoClock) {
        Backups backups = new Backups(ports.backups(), backupListener);
        String instance = Actor.thisInstance();
        this.trail = new AuditTrail(ports.audit(), ports.ownTransactions(), clock, instance);
        KeyChanges keyChanges = new KeyChanges(ports.transactions(), ports.loadDataKeys(), ports.saveDataKeys(),
                keyring, backups, trail);
        RecordMover mover = new RecordMover(ports.transactions(), ports.loadSecrets(), ports.rewriteSecrets(),
                keyring, backups);
        this.keyring = keyring;
        this.jobs = new JobRunner(ports.jobs(), ports.ownTransactions(), trail, clock, random, instance);
        ReencryptService reencrypt = new ReencryptService(mover, config, jobs);
        this.reencryptionJob = new ReencryptionJobService(reencrypt, jobs);
        this.keys = new KeyUseCases(
                new RotateDataKeyService(keyChanges, keyring, ports.loadDataKeys(), config, clock, random,
                        ports.events()),
                new ListDataKeysService(ports.loadDataKeys(), ports.loadSecrets()),
                new ShowDataKeyService(ports.loadDataKeys(), ports.loadSecrets()),
                new ImportDataKeyService(keyChanges, ports.loadSecrets(), config, clock),
                new DestroyDataKeyService(keyChanges, ports.loadSecrets(), clock));
        this.credentials = new CredentialUseCases(
                new CreateCredentialService(keyring, ports.saveRecord(), config, clock, random),
                new GetCredentialService(keyring, ports.loadRecords()),
                new ListCredentialsService(ports.loadRecords()),
                new UpdateCredentialService(keyring, ports.loadRecords(), ports.saveRecord(), config, clock),
                new DeleteCredentialService(ports.saveRecord()),
                new ImportCredentialsService(keyring, ports.saveRecord(), ports.transactions(), clock),
                new ExportCredentialsService(keyring, ports.loadRecords()));
        this.values = new ValueUseCases(
                new EncryptValueService(keyring, config),
                new DecryptValueService(keyring),
                new InspectValueService(keyring));
        this.maintenance = new MaintenanceUseCases(
                reencrypt,
                reencryptionJob,
                jobs,
                new VerifyRecordsService(ports.loadSecrets(), keyring),
                new DowngradeToLegacyService(mover, jobs),
                new ChangeInstanceKeyService(mover, ports.transactions(), ports.loadDataKeys(), ports.saveDataKeys(),
                        ports.loadSecrets(), ports.wrappedSecrets(), ports.instanceKeySources(), resolver, keyring,
                        backups, config, clock, jobs));
        VerifiedKeyCache verifiedKeys = new VerifiedKeyCache(config.keyRefreshInterval(), nanoClock);
        this.apiKeys = new ApiKeyUseCases(
                new CreateApiKeyService(ports.apiKeys(), clock, random, ports.ownTransactions(), trail),
                new ListApiKeysService(ports.apiKeys()),
                new RevokeApiKeyService(ports.apiKeys(), clock, verifiedKeys, ports.ownTransactions(), trail),
                new AuthenticateService(ports.apiKeys(), verifiedKeys, trail));
        this.audit = new AuditUseCases(new ListAuditService(ports.audit()));
        this.settings = new SettingsUseCases(
                new ModuleSettingsService(config),
                new HealthService(ports.checkStore(), keyring, config));
    }

    /**
     * Starts an instance: resolves the instance key, seeds or waits for keys, proves the key.
     *
     * @throws org.rekey.domain.error.RekeyException as {@link BootstrapKeyringService#bootstrapKeyring()} does
     */
    public static RekeyCore start(OutPorts ports, RekeySettings settings, Clock clock, SecureRandom random) {
        return start(ports, settings, clock, random, System::nanoTime, StartOptions.NONE, BackupListener.NONE);
    }

    /**
     * As {@link #start(OutPorts, RekeySettings, Clock, SecureRandom)}, with the clock the keyring cache ages by,
     * what the command asks of start-up, and who hears of each backup as it is written.
     */
    public static RekeyCore start(OutPorts ports, RekeySettings settings, Clock clock, SecureRandom random,
            LongSupplier nanoClock, StartOptions options, BackupListener backupListener) {
        InstanceKeyResolver resolver = new InstanceKeyResolver(ports.instanceKeySources(), random);
        Keyring initial = new BootstrapKeyringService(resolver, ports.transactions(), ports.loadDataKeys(),
                ports.saveDataKeys(), ports.loadRecords(), settings, clock, random, options).bootstrapKeyring();
        KeyringCache keyring = new KeyringCache(ports.loadDataKeys(), initial, settings.keyRefreshInterval(),
                nanoClock, ports.events());
        return new RekeyCore(ports, settings, clock, random, keyring, resolver, backupListener, nanoClock);
    }

    public KeyUseCases keys() {
        return keys;
    }

    public CredentialUseCases credentials() {
        return credentials;
    }

    public ValueUseCases values() {
        return values;
    }

    public MaintenanceUseCases maintenance() {
        return maintenance;
    }

    public ApiKeyUseCases apiKeys() {
        return apiKeys;
    }

    public SettingsUseCases settings() {
        return settings;
    }

    public AuditUseCases audit() {
        return audit;
    }

    /** This instance's cached view of the keyring. */
    public KeyringCache keyring() {
        return keyring;
    }

    /** Stops the background re-encryption and heartbeat threads, and writes the refusals counted last. */
    @Override
    public void close() {
        reencryptionJob.close();
        jobs.close();
        trail.flushRefusals();
    }
}
