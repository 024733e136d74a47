package org.rekey.application.service.keyring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.rekey.domain.error.RekeyAssertions.assertRejected;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.InOrder;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import org.rekey.application.error.ApplicationErrorCode;
import org.rekey.application.port.out.LoadDataKeysPort;
import org.rekey.application.port.out.LoadRecordsPort;
import org.rekey.application.port.out.SaveDataKeysPort;
import org.rekey.application.port.out.TransactionPort;
import org.rekey.application.service.keyring.RekeySettings.InstanceType;
import org.rekey.application.testing.Fixtures;
import org.rekey.application.testing.InMemoryInstanceKeySources;
import org.rekey.application.testing.MockTransactions;
import org.rekey.application.testing.TestServices;
import org.rekey.domain.error.ErrorCode;
import org.rekey.domain.error.RekeyException;
import org.rekey.domain.key.DataKey;
import org.rekey.domain.key.InstanceKey;
import org.rekey.domain.key.KeyAlgorithm;
import org.rekey.domain.key.KeyStatus;
import org.rekey.domain.key.Keyring;
import org.rekey.domain.key.WriteFormat;
import org.rekey.domain.record.EncryptedRecord;

@ExtendWith(MockitoExtension.class)
class BootstrapKeyringServiceTest {

    private static final String OTHER_KEY = "a-different-instance-key";

    @Mock
    private TransactionPort transactions;
    @Mock
    private LoadDataKeysPort loadDataKeys;
    @Mock
    private SaveDataKeysPort saveDataKeys;
    @Mock
    private LoadRecordsPort loadRecords;

    private final InstanceKey instanceKey = Fixtures.instanceKey();
    private MockTransactions tx;

    @BeforeEach
    void runTransactionsInline() {
        tx = MockTransactions.runInline(transactions);
    }

    @Test
    void main_withNoKeys_seedsTheLegacyRowAndAnActiveKeyInOneTransaction() {
        AtomicReference<List<DataKey>> saved = new AtomicReference<>(List.of());
        when(loadDataKeys.loadDataKeys()).thenAnswer(call -> saved.get());
        doAnswer(call -> {
            assertThat(tx.isOpen()).as("keys are saved inside the transaction").isTrue();
            saved.set(call.getArgument(0));
            return null;
        }).when(saveDataKeys).saveDataKeys(anyList());

        Keyring keyring = service(rotation(true, InstanceType.MAIN)).bootstrapKeyring();

        InOrder order = inOrder(loadDataKeys, transactions, saveDataKeys);
        order.verify(loadDataKeys).loadDataKeys();
        order.verify(transactions).inTransaction(any());
        order.verify(loadDataKeys).loadDataKeys();
        order.verify(saveDataKeys).saveDataKeys(anyList());
        order.verify(loadDataKeys).loadDataKeys();
        verify(saveDataKeys, times(1)).saveDataKeys(anyList());
        assertThat(saved.get()).hasSize(2);
        DataKey active = keyring.activeKey().orElseThrow();
        assertThat(active.algorithm()).isEqualTo(KeyAlgorithm.AES_256_GCM);
        DataKey legacyRow = saved.get().stream().filter(k -> !k.isActive()).findFirst().orElseThrow();
        assertThat(legacyRow.algorithm()).isEqualTo(KeyAlgorithm.AES_256_CBC);
        assertThat(legacyRow.status()).isEqualTo(KeyStatus.INACTIVE);
        assertThat(keyring.decrypt(legacyRow.id() + ":" + instanceKey.encryptLegacy(Fixtures.JSON)))
                .as("the legacy row holds the instance key itself").isEqualTo(Fixtures.JSON);
    }

    @Test
    void main_withLegacyRecordsThatDecrypt_seeds() {
        EncryptedRecord legacy = Fixtures.record("r1", Fixtures.JSON, Keyring.empty(instanceKey), WriteFormat.LEGACY,
                0);
        when(loadRecords.loadRecordsAfter(Optional.empty(), 1)).thenReturn(List.of(legacy));
        AtomicReference<List<DataKey>> saved = new AtomicReference<>(List.of());
        when(loadDataKeys.loadDataKeys()).thenAnswer(call -> saved.get());
        doAnswer(call -> {
            saved.set(call.getArgument(0));
            return null;
        }).when(saveDataKeys).saveDataKeys(anyList());

        Keyring keyring = service(rotation(true, InstanceType.MAIN)).bootstrapKeyring();

        assertThat(keyring.activeKey()).isPresent();
        assertThat(keyring.decrypt(legacy.data())).isEqualTo(Fixtures.JSON);
    }

    @Test
    void main_racingAnotherMainThatSeedsFirst_usesTheStoredKeys() {
        Keyring theirs = Fixtures.seeded(instanceKey);
        when(loadDataKeys.loadDataKeys()).thenReturn(List.of(), List.of(), theirs.keys());
        doThrow(new RekeyException(ErrorCode.ROTATION_CONFLICT, "another active key exists"))
                .when(saveDataKeys).saveDataKeys(anyList());

        Keyring keyring = service(rotation(true, InstanceType.MAIN)).bootstrapKeyring();

        assertThat(keyring.activeKey()).isEqualTo(theirs.activeKey());
        assertThat(keyring.keys()).containsExactlyInAnyOrderElementsOf(theirs.keys());
        verify(saveDataKeys, times(1)).saveDataKeys(anyList());
    }

    @Test
    void main_whenAnotherMainSeededBeforeTheTransaction_savesNothing() {
        Keyring theirs = Fixtures.seeded(instanceKey);
        when(loadDataKeys.loadDataKeys()).thenReturn(List.of(), theirs.keys());

        Keyring keyring = service(rotation(true, InstanceType.MAIN)).bootstrapKeyring();

        assertThat(keyring.activeKey()).isEqualTo(theirs.activeKey());
        verifyNoInteractions(saveDataKeys);
    }

    @Test
    void main_whenSavingFailsForAnotherReason_failsStartUp() {
        when(loadDataKeys.loadDataKeys()).thenReturn(List.of());
        doThrow(new RekeyException(ApplicationErrorCode.STORAGE_FAILURE, "the database is read-only"))
                .when(saveDataKeys).saveDataKeys(anyList());

        assertRejected(ApplicationErrorCode.STORAGE_FAILURE, () -> service(rotation(true, InstanceType.MAIN)).bootstrapKeyring());
    }

    @Test
    void worker_withNoKeys_neverSeeds_andGivesUpWithKeyringNotSeeded() {
        when(loadDataKeys.loadDataKeys()).thenReturn(List.of());
        RekeySettings worker = new RekeySettings(true, InstanceType.WORKER, RekeySettings.DEFAULT_KEY_REFRESH,
                Duration.ofMillis(100));

        RekeyException e = assertRejected(ErrorCode.KEYRING_NOT_SEEDED,
                () -> service(worker, Clock.systemUTC()).bootstrapKeyring());

        assertThat(e.getMessage()).contains("main instance");
        verify(loadDataKeys, atLeast(2)).loadDataKeys();
        verifyNoInteractions(saveDataKeys, transactions);
    }

    @Test
    void worker_usesTheKeysAMainSeedsWhileItWaits() {
        Keyring seededByMain = Fixtures.seeded(instanceKey);
        when(loadDataKeys.loadDataKeys()).thenReturn(List.of(), List.of(), seededByMain.keys());
        RekeySettings worker = new RekeySettings(true, InstanceType.WORKER, RekeySettings.DEFAULT_KEY_REFRESH,
                Duration.ofSeconds(30));

        Keyring keyring = service(worker, Clock.systemUTC()).bootstrapKeyring();

        assertThat(keyring.activeKey()).isEqualTo(seededByMain.activeKey());
        verifyNoInteractions(saveDataKeys, transactions);
    }

    @Test
    void storedKeysWrappedUnderAnotherInstanceKey_areWrongInstanceKey_andNothingIsSaved() {
        when(loadDataKeys.loadDataKeys()).thenReturn(Fixtures.seeded(InstanceKey.of(OTHER_KEY)).keys());

        RekeyException e = assertRejected(ErrorCode.WRONG_INSTANCE_KEY,
                () -> service(rotation(true, InstanceType.MAIN)).bootstrapKeyring());

        assertThat(e.getMessage()).doesNotContain(TestServices.DEFAULT_INSTANCE_KEY).doesNotContain(OTHER_KEY);
        verifyNoInteractions(saveDataKeys, transactions);
    }

    @Test
    void legacyRecordsWrittenUnderAnotherInstanceKey_areWrongInstanceKey_beforeAnythingIsSeeded() {
        EncryptedRecord foreign = Fixtures.record("r1", Fixtures.JSON, Keyring.empty(InstanceKey.of(OTHER_KEY)),
                WriteFormat.LEGACY, 0);
        when(loadDataKeys.loadDataKeys()).thenReturn(List.of());
        when(loadRecords.loadRecordsAfter(Optional.empty(), 1)).thenReturn(List.of(foreign));

        RekeyException e = assertRejected(ErrorCode.WRONG_INSTANCE_KEY,
                () -> service(rotation(true, InstanceType.MAIN)).bootstrapKeyring());

        assertThat(e.getMessage()).contains("r1").doesNotContain(TestServices.DEFAULT_INSTANCE_KEY)
                .doesNotContain(OTHER_KEY);
        verifyNoInteractions(saveDataKeys, transactions);
    }

    @Test
    void rotationOff_withNoKeys_seedsNothing_andWritesStayLegacy() {
        when(loadDataKeys.loadDataKeys()).thenReturn(List.of());

        Keyring keyring = service(rotation(false, InstanceType.MAIN)).bootstrapKeyring();

        assertThat(keyring.isEmpty()).isTrue();
        verifyNoInteractions(saveDataKeys, transactions);
    }

    @Test
    void rotationOff_withStoredKeys_stillUnwrapsThemForReading() {
        Keyring stored = Fixtures.seeded(instanceKey);
        when(loadDataKeys.loadDataKeys()).thenReturn(stored.keys());
        String keyed = stored.encrypt(Fixtures.JSON, WriteFormat.ACTIVE_KEY);

        Keyring keyring = service(rotation(false, InstanceType.MAIN)).bootstrapKeyring();

        assertThat(keyring.decrypt(keyed)).isEqualTo(Fixtures.JSON);
        verifyNoInteractions(saveDataKeys, transactions);
    }

    @Test
    void conflictingInstanceKeySources_stopStartUpBeforeTheDatabaseIsRead() {
        InMemoryInstanceKeySources sources = InMemoryInstanceKeySources
                .withEnvironment(TestServices.DEFAULT_INSTANCE_KEY)
                .setConfigFile(OTHER_KEY);
        BootstrapKeyringService service = new BootstrapKeyringService(new InstanceKeyResolver(sources,
                new SecureRandom()), transactions, loadDataKeys, saveDataKeys, loadRecords,
                rotation(true, InstanceType.MAIN), fixedClock(), new SecureRandom());

        assertRejected(ErrorCode.INSTANCE_KEY_MISMATCH, service::bootstrapKeyring);

        verifyNoInteractions(loadDataKeys, saveDataKeys, loadRecords, transactions);
    }

    @Test
    void main_withNoKeys_andSeedingDeferredForAnImport_seedsNothing() {
        when(loadDataKeys.loadDataKeys()).thenReturn(List.of());

        Keyring keyring = new BootstrapKeyringService(new InstanceKeyResolver(InMemoryInstanceKeySources
                .withEnvironment(TestServices.DEFAULT_INSTANCE_KEY), new SecureRandom()), transactions, loadDataKeys,
                saveDataKeys, loadRecords, rotation(true, InstanceType.MAIN), fixedClock(), new SecureRandom(),
                StartOptions.NONE.withSeedingDeferred()).bootstrapKeyring();

        assertThat(keyring.keys()).isEmpty();
        verify(saveDataKeys, never()).saveDataKeys(anyList());
    }

    @Test
    void keysWrappedUnderAnOfferedNewKey_startWithIt_whenTheConfiguredKeyFails() {
        InstanceKey newKey = InstanceKey.of(OTHER_KEY);
        Keyring rewrapped = Fixtures.seeded(newKey);
        when(loadDataKeys.loadDataKeys()).thenReturn(rewrapped.keys());
        InMemoryInstanceKeySources sources = new InMemoryInstanceKeySources()
                .setConfigFile(TestServices.DEFAULT_INSTANCE_KEY);

        Keyring keyring = new BootstrapKeyringService(new InstanceKeyResolver(sources, new SecureRandom()),
                transactions, loadDataKeys, saveDataKeys, loadRecords, rotation(true, InstanceType.MAIN), fixedClock(),
                new SecureRandom(), StartOptions.NONE.withOfferedNewKey(newKey)).bootstrapKeyring();

        assertThat(keyring.instanceKey().sameAs(newKey)).isTrue();
    }

    @Test
    void keysWrappedUnderAnotherKey_withoutAnOffer_sayWhichSourceHoldsWhichKey() {
        Keyring rewrapped = Fixtures.seeded(InstanceKey.of(OTHER_KEY));
        when(loadDataKeys.loadDataKeys()).thenReturn(rewrapped.keys());
        InMemoryInstanceKeySources sources = new InMemoryInstanceKeySources()
                .setConfigFile(TestServices.DEFAULT_INSTANCE_KEY);

        RekeyException e = assertRejected(ErrorCode.WRONG_INSTANCE_KEY, new BootstrapKeyringService(
                new InstanceKeyResolver(sources, new SecureRandom()), transactions, loadDataKeys, saveDataKeys,
                loadRecords, rotation(true, InstanceType.MAIN), fixedClock(), new SecureRandom())::bootstrapKeyring);

        assertThat(e.getMessage()).contains("from the config file " + InMemoryInstanceKeySources.CONFIG_FILE,
                "N8N_ENCRYPTION_KEY unset", "N8N_ENCRYPTION_KEY_FILE unset",
                "holds key " + InstanceKey.of(TestServices.DEFAULT_INSTANCE_KEY).fingerprint(), "instance-key change")
                .doesNotContain(TestServices.DEFAULT_INSTANCE_KEY).doesNotContain(OTHER_KEY);
    }

    @Test
    void everyInstance_withStoredKeys_savesNothing() {
        Keyring stored = Fixtures.seeded(instanceKey);
        when(loadDataKeys.loadDataKeys()).thenReturn(stored.keys());

        Keyring keyring = service(rotation(true, InstanceType.MAIN)).bootstrapKeyring();

        assertThat(keyring.activeKey()).isEqualTo(stored.activeKey());
        verify(saveDataKeys, never()).saveDataKeys(anyList());
        verifyNoInteractions(transactions, loadRecords);
    }

    private BootstrapKeyringService service(RekeySettings settings) {
        return service(settings, fixedClock());
    }

    private BootstrapKeyringService service(RekeySettings settings, Clock clock) {
        InMemoryInstanceKeySources sources = InMemoryInstanceKeySources
                .withEnvironment(TestServices.DEFAULT_INSTANCE_KEY);
        return new BootstrapKeyringService(new InstanceKeyResolver(sources, new SecureRandom()), transactions,
                loadDataKeys, saveDataKeys, loadRecords, settings, clock, new SecureRandom());
    }

    private static RekeySettings rotation(boolean enabled, InstanceType type) {
        return new RekeySettings(enabled, type, RekeySettings.DEFAULT_KEY_REFRESH, Duration.ZERO);
    }

    private static Clock fixedClock() {
        return Clock.fixed(Fixtures.T0, ZoneOffset.UTC);
    }
}
