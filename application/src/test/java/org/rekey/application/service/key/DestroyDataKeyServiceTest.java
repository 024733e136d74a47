package org.rekey.application.service.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.rekey.application.testing.Fixtures.OPERATOR;
import static org.rekey.domain.error.RekeyAssertions.assertRejected;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.mockito.Captor;
import org.mockito.InOrder;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import org.rekey.application.port.in.backup.BackupListener;
import org.rekey.application.port.in.key.DataKeyView;
import org.rekey.application.port.out.LoadDataKeysPort;
import org.rekey.application.port.out.LoadSecretsPort;
import org.rekey.application.port.out.SaveDataKeysPort;
import org.rekey.application.port.out.TransactionPort;
import org.rekey.application.service.backup.Backups;
import org.rekey.application.service.keyring.KeyringCache;
import org.rekey.application.testing.Fixtures;
import org.rekey.application.testing.InMemoryStore;
import org.rekey.application.testing.MockTransactions;
import org.rekey.domain.error.ErrorCode;
import org.rekey.domain.error.RekeyException;
import org.rekey.domain.key.DataKey;
import org.rekey.domain.key.DataKeyId;
import org.rekey.domain.key.KeyAlgorithm;
import org.rekey.domain.key.KeyStatus;
import org.rekey.domain.key.Keyring;

@ExtendWith(MockitoExtension.class)
class DestroyDataKeyServiceTest {

    private static final Clock CLOCK = Clock.fixed(Fixtures.T0.plusSeconds(7200), ZoneOffset.UTC);

    @Mock
    private TransactionPort transactions;
    @Mock
    private LoadDataKeysPort loadDataKeys;
    @Mock
    private SaveDataKeysPort saveDataKeys;
    @Mock
    private LoadSecretsPort loadSecrets;
    @Captor
    private ArgumentCaptor<List<DataKey>> saved;

    private final Keyring rotated = Fixtures.seeded(Fixtures.instanceKey())
            .rotate(Fixtures.T0.plusSeconds(60), Fixtures.RANDOM).keyring();
    private final DataKeyId active = rotated.activeKey().orElseThrow().id();
    private final DataKeyId retired = rotated.keys().stream()
            .filter(k -> !k.isActive() && k.algorithm() == KeyAlgorithm.AES_256_GCM)
            .findFirst().orElseThrow().id();
    private MockTransactions tx;
    private DestroyDataKeyService service;

    @BeforeEach
    void setUp() {
        tx = MockTransactions.runInline(transactions);
        KeyringCache cache = new KeyringCache(loadDataKeys, rotated, Duration.ofMillis(500), () -> 0L);
        service = new DestroyDataKeyService(new KeyChanges(transactions, loadDataKeys, saveDataKeys, cache,
                new Backups(operation -> Optional.empty(), BackupListener.NONE), Fixtures.auditTrail(new InMemoryStore())),
                loadSecrets, CLOCK);
        when(loadDataKeys.loadDataKeys()).thenReturn(rotated.keys());
    }

    @Test
    void destroy_anUnusedInactiveKey_countsInsideTheTransaction_andSavesATombstone() {
        when(loadSecrets.countSecretsUsing(retired)).thenAnswer(call -> {
            assertThat(tx.isOpen()).as("the count that proves the key unused is in the same transaction").isTrue();
            return 0L;
        });

        DataKeyView view = service.destroyDataKey(retired, OPERATOR);

        InOrder order = inOrder(transactions, loadSecrets, saveDataKeys);
        order.verify(transactions).inTransaction(any());
        order.verify(loadSecrets).countSecretsUsing(retired);
        order.verify(saveDataKeys).saveDataKeys(saved.capture());
        DataKey tombstone = saved.getValue().get(0);
        assertThat(saved.getValue()).hasSize(1);
        assertThat(tombstone.id()).isEqualTo(retired);
        assertThat(tombstone.status()).isEqualTo(KeyStatus.DESTROYED);
        assertThat(tombstone.wrappedValue()).isEmpty();
        assertThat(view.status()).isEqualTo("destroyed");
        assertThat(view.archivedAt()).contains(CLOCK.instant());
    }

    @Test
    void destroy_aKeyRecordsStillUse_isKeyInUseWithTheCount_andSavesNothing() {
        when(loadSecrets.countSecretsUsing(retired)).thenReturn(3L);

        RekeyException e = assertRejected(ErrorCode.KEY_IN_USE, () -> service.destroyDataKey(retired, OPERATOR));

        assertThat(e.getMessage()).contains("3 record(s)").contains("rekey reencrypt");
        verify(saveDataKeys, never()).saveDataKeys(anyList());
    }

    @Test
    void destroy_theActiveKey_isKeyActive() {
        lenient().when(loadSecrets.countSecretsUsing(active)).thenReturn(0L);

        RekeyException e = assertRejected(ErrorCode.KEY_ACTIVE, () -> service.destroyDataKey(active, OPERATOR));

        assertThat(e.getMessage()).contains("rotate");
        verify(saveDataKeys, never()).saveDataKeys(anyList());
    }

    /** The active key nearly always has records: the answer must still be "rotate first", not "re-encrypt". */
    @Test
    void destroy_theActiveKeyWhileRecordsUseIt_isKeyActive() {
        lenient().when(loadSecrets.countSecretsUsing(active)).thenReturn(5L);

        RekeyException e = assertRejected(ErrorCode.KEY_ACTIVE, () -> service.destroyDataKey(active, OPERATOR));

        assertThat(e.getMessage()).contains("rotate");
        verify(saveDataKeys, never()).saveDataKeys(anyList());
    }

    @Test
    void destroy_anUnknownKey_isKeyNotFound_withoutCounting() {
        assertRejected(ErrorCode.KEY_NOT_FOUND, () -> service.destroyDataKey(new DataKeyId("nope"), OPERATOR));

        verify(loadSecrets, never()).countSecretsUsing(any());
        verify(saveDataKeys, never()).saveDataKeys(anyList());
    }
}
