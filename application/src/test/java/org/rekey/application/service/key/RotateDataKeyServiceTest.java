package org.rekey.application.service.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.rekey.application.testing.Fixtures.OPERATOR;
import static org.rekey.domain.error.RekeyAssertions.assertRejected;

import java.security.SecureRandom;
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
import org.rekey.application.error.ApplicationErrorCode;
import org.rekey.application.port.in.backup.BackupListener;
import org.rekey.application.port.in.key.DataKeyView;
import org.rekey.application.port.out.LoadDataKeysPort;
import org.rekey.application.port.out.RekeyEventsPort;
import org.rekey.application.port.out.SaveDataKeysPort;
import org.rekey.application.port.out.TransactionPort;
import org.rekey.application.service.backup.Backups;
import org.rekey.application.service.keyring.KeyringCache;
import org.rekey.application.service.keyring.RekeySettings.InstanceType;
import org.rekey.application.service.keyring.RekeySettings;
import org.rekey.application.testing.Fixtures;
import org.rekey.application.testing.InMemoryStore;
import org.rekey.application.testing.MockTransactions;
import org.rekey.domain.error.ErrorCode;
import org.rekey.domain.error.RekeyException;
import org.rekey.domain.key.DataKey;
import org.rekey.domain.key.KeyStatus;
import org.rekey.domain.key.Keyring;

@ExtendWith(MockitoExtension.class)
class RotateDataKeyServiceTest {

    private static final Clock CLOCK = Clock.fixed(Fixtures.T0.plusSeconds(3600), ZoneOffset.UTC);

    @Mock
    private TransactionPort transactions;
    @Mock
    private LoadDataKeysPort loadDataKeys;
    @Mock
    private SaveDataKeysPort saveDataKeys;
    @Mock
    private RekeyEventsPort events;
    @Captor
    private ArgumentCaptor<List<DataKey>> saved;

    private final Keyring stored = Fixtures.seeded(Fixtures.instanceKey());
    private final DataKey oldActive = stored.activeKey().orElseThrow();
    private KeyringCache cache;
    private MockTransactions tx;

    @BeforeEach
    void setUp() {
        tx = MockTransactions.runInline(transactions);
        cache = new KeyringCache(loadDataKeys, stored, Duration.ofMillis(500), () -> 0L);
    }

    @Test
    void rotate_demotesTheActiveKeyThenAddsTheNewOne_inOneTransaction() {
        when(loadDataKeys.loadDataKeys()).thenReturn(stored.keys());
        doAnswer(call -> {
            assertThat(tx.isOpen()).isTrue();
            return null;
        }).when(saveDataKeys).saveDataKeys(anyList());

        DataKeyView created = service(true).rotateDataKey(OPERATOR);

        InOrder order = inOrder(transactions, loadDataKeys, saveDataKeys);
        order.verify(transactions).inTransaction(any());
        order.verify(loadDataKeys).loadDataKeys();
        order.verify(saveDataKeys).saveDataKeys(saved.capture());
        List<DataKey> changed = saved.getValue();
        assertThat(changed).hasSize(2);
        assertThat(changed.get(0).id()).isEqualTo(oldActive.id());
        assertThat(changed.get(0).status()).isEqualTo(KeyStatus.INACTIVE);
        assertThat(changed.get(1).id().value()).isEqualTo(created.id());
        assertThat(changed.get(1).status()).isEqualTo(KeyStatus.ACTIVE);
        assertThat(created.status()).isEqualTo("active");
        assertThat(created.createdAt()).isEqualTo(CLOCK.instant());
    }

    @Test
    void rotate_switchesThisInstancesWritesToTheNewKeyAtOnce() {
        when(loadDataKeys.loadDataKeys()).thenReturn(stored.keys());

        DataKeyView created = service(true).rotateDataKey(OPERATOR);

        assertThat(cache.current().activeKey().orElseThrow().id().value()).isEqualTo(created.id());
    }

    @Test
    void rotate_tellsTheEventsPortOnce_andAFailedRotationTellsNothing() {
        when(loadDataKeys.loadDataKeys()).thenReturn(stored.keys());

        service(true).rotateDataKey(OPERATOR);
        verify(events, times(1)).rotated();

        doThrow(new RekeyException(ApplicationErrorCode.STORAGE_FAILURE, "connection lost"))
                .when(saveDataKeys).saveDataKeys(anyList());
        assertRejected(ApplicationErrorCode.STORAGE_FAILURE, () -> service(true).rotateDataKey(OPERATOR));
        verify(events, times(1)).rotated();
    }

    @Test
    void rotate_retriesOnRotationConflict_againstTheKeysTheOtherInstanceStored() {
        Keyring theirs = stored.rotate(Fixtures.T0.plusSeconds(60), Fixtures.RANDOM).keyring();
        DataKey theirActive = theirs.activeKey().orElseThrow();
        when(loadDataKeys.loadDataKeys()).thenReturn(stored.keys(), theirs.keys());
        doThrow(new RekeyException(ErrorCode.ROTATION_CONFLICT, "another key is active"))
                .doNothing().when(saveDataKeys).saveDataKeys(anyList());

        DataKeyView created = service(true).rotateDataKey(OPERATOR);

        verify(transactions, times(2)).inTransaction(any());
        verify(saveDataKeys, times(2)).saveDataKeys(saved.capture());
        List<DataKey> retry = saved.getAllValues().get(1);
        assertThat(retry.get(0).id()).as("the retry demotes the other instance's key").isEqualTo(theirActive.id());
        assertThat(retry.get(1).id().value()).isEqualTo(created.id());
        assertThat(cache.current().activeKey().orElseThrow().id().value()).isEqualTo(created.id());
    }

    @Test
    void rotate_givesUpAfterTheRetryLimit_andRethrowsTheConflict() {
        when(loadDataKeys.loadDataKeys()).thenReturn(stored.keys());
        doThrow(new RekeyException(ErrorCode.ROTATION_CONFLICT, "another key is active"))
                .when(saveDataKeys).saveDataKeys(anyList());

        assertRejected(ErrorCode.ROTATION_CONFLICT, () -> service(true).rotateDataKey(OPERATOR));

        verify(saveDataKeys, times(KeyChanges.MAX_ATTEMPTS)).saveDataKeys(anyList());
        assertThat(cache.current().activeKey()).contains(oldActive);
    }

    @Test
    void rotate_whenTheStoreFailsOtherwise_doesNotRetry() {
        when(loadDataKeys.loadDataKeys()).thenReturn(stored.keys());
        doThrow(new RekeyException(ApplicationErrorCode.STORAGE_FAILURE, "connection lost"))
                .when(saveDataKeys).saveDataKeys(anyList());

        assertRejected(ApplicationErrorCode.STORAGE_FAILURE, () -> service(true).rotateDataKey(OPERATOR));

        verify(saveDataKeys, times(1)).saveDataKeys(anyList());
        assertThat(cache.current().activeKey()).contains(oldActive);
    }

    @Test
    void rotate_whenRotationIsOff_isRotationDisabled_andTouchesNoPort() {
        assertRejected(ErrorCode.ROTATION_DISABLED, () -> service(false).rotateDataKey(OPERATOR));

        verifyNoInteractions(transactions, loadDataKeys, saveDataKeys);
    }

    @Test
    void keyChanges_retryUpToTheLimit_thenSucceedOnTheLastAttempt() {
        when(loadDataKeys.loadDataKeys()).thenReturn(stored.keys());
        RekeyException conflict = new RekeyException(ErrorCode.ROTATION_CONFLICT, "another key is active");
        var stubbing = doThrow(conflict);
        for (int i = 2; i < KeyChanges.MAX_ATTEMPTS; i++) {
            stubbing = stubbing.doThrow(conflict);
        }
        stubbing.doNothing().when(saveDataKeys).saveDataKeys(anyList());

        service(true).rotateDataKey(OPERATOR);

        verify(saveDataKeys, times(KeyChanges.MAX_ATTEMPTS)).saveDataKeys(anyList());
    }

    private RotateDataKeyService service(boolean rotationEnabled) {
        RekeySettings settings = RekeySettings.of(rotationEnabled, InstanceType.MAIN);
        return new RotateDataKeyService(new KeyChanges(transactions, loadDataKeys, saveDataKeys, cache,
                new Backups(operation -> Optional.empty(), BackupListener.NONE), Fixtures.auditTrail(new InMemoryStore())),
                cache, loadDataKeys, settings, CLOCK, new SecureRandom(), events);
    }
}
