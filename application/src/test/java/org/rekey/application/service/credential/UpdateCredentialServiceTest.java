package org.rekey.application.service.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.rekey.domain.error.RekeyAssertions.assertRejected;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import org.rekey.application.port.in.credential.CredentialView;
import org.rekey.application.port.in.credential.UpdateCredentialCommand;
import org.rekey.application.port.out.LoadDataKeysPort;
import org.rekey.application.port.out.LoadRecordsPort;
import org.rekey.application.port.out.SaveRecordPort;
import org.rekey.application.service.keyring.KeyringCache;
import org.rekey.application.service.keyring.RekeySettings;
import org.rekey.application.service.keyring.RekeySettings.InstanceType;
import org.rekey.application.testing.Fixtures;
import org.rekey.domain.error.ErrorCode;
import org.rekey.domain.error.RekeyException;
import org.rekey.domain.key.DataKeyId;
import org.rekey.domain.key.Keyring;
import org.rekey.domain.key.WriteFormat;
import org.rekey.domain.record.EncryptedRecord;
import org.rekey.domain.record.RecordId;

@ExtendWith(MockitoExtension.class)
class UpdateCredentialServiceTest {

    private static final Instant NOW = Fixtures.T0.plusSeconds(3600);
    private static final String NEW_JSON = "{\"user\":\"bob\",\"password\":\"correct horse\"}";
    private static final String THEIR_JSON = "{\"user\":\"carol\",\"password\":\"battery staple\"}";
    private static final RecordId ID = new RecordId("r1");

    @Mock
    private LoadDataKeysPort loadDataKeys;
    @Mock
    private LoadRecordsPort loadRecords;
    @Mock
    private SaveRecordPort saveRecord;

    private final Keyring before = Fixtures.seeded(Fixtures.instanceKey());
    private final Keyring rotated = before.rotate(Fixtures.T0.plusSeconds(60), Fixtures.RANDOM).keyring();
    private final DataKeyId newKey = rotated.activeKey().orElseThrow().id();
    private final EncryptedRecord onOldKey = Fixtures.record("r1", Fixtures.JSON, before, WriteFormat.ACTIVE_KEY, 4);
    private UpdateCredentialService service;

    @BeforeEach
    void setUp() {
        lenient().when(loadDataKeys.loadDataKeys()).thenReturn(rotated.keys());
        KeyringCache cache = new KeyringCache(loadDataKeys, rotated, Duration.ofMillis(500), () -> 0L);
        service = new UpdateCredentialService(cache, loadRecords, saveRecord,
                RekeySettings.of(true, InstanceType.MAIN), Clock.fixed(NOW, ZoneOffset.UTC));
        lenient().when(saveRecord.updateRecord(any())).thenAnswer(call -> {
            EncryptedRecord written = call.getArgument(0);
            return written == null ? null : Fixtures.withVersion(written, written.version() + 1);
        });
    }

    @Test
    void update_newData_isWrittenUnderTheActiveKeyAtTheVersionItWasRead() {
        when(loadRecords.loadRecord(ID)).thenReturn(Optional.of(onOldKey));

        CredentialView view = service.updateCredential(dataChange(Optional.empty()));

        EncryptedRecord written = captureWrite();
        assertThat(written.keyId()).contains(newKey);
        assertThat(rotated.decrypt(written.data())).isEqualTo(NEW_JSON);
        assertThat(written.version()).isEqualTo(4);
        assertThat(written.updatedAt()).isEqualTo(NOW);
        assertThat(view.keyId()).contains(newKey.value());
        assertThat(view.data()).as("an update never returns data").isEmpty();
    }

    @Test
    void update_nameOnly_keepsTheDataButMovesItToTheActiveKey() {
        when(loadRecords.loadRecord(ID)).thenReturn(Optional.of(onOldKey));

        service.updateCredential(new UpdateCredentialCommand(ID, Optional.of("renamed"), Optional.empty(),
                Optional.empty()));

        EncryptedRecord written = captureWrite();
        assertThat(written.name()).isEqualTo("renamed");
        assertThat(written.keyId()).contains(newKey);
        assertThat(rotated.decrypt(written.data())).isEqualTo(Fixtures.JSON);
    }

    @Test
    void update_racedOnlyByAReencryption_retriesOnTheReencryptedRecord() {
        EncryptedRecord reencrypted = Fixtures.withVersion(onOldKey.reencrypt(rotated, WriteFormat.ACTIVE_KEY), 5);
        when(loadRecords.loadRecord(ID)).thenReturn(Optional.of(onOldKey), Optional.of(reencrypted));
        when(saveRecord.updateRecord(any()))
                .thenThrow(new RekeyException(ErrorCode.VERSION_CONFLICT, "stale"))
                .thenAnswer(call -> Fixtures.withVersion(call.getArgument(0), 6));

        service.updateCredential(dataChange(Optional.empty()));

        InOrder order = inOrder(loadRecords, saveRecord);
        ArgumentCaptor<EncryptedRecord> writes = ArgumentCaptor.forClass(EncryptedRecord.class);
        order.verify(loadRecords).loadRecord(ID);
        order.verify(saveRecord).updateRecord(writes.capture());
        order.verify(loadRecords).loadRecord(ID);
        order.verify(saveRecord).updateRecord(writes.capture());
        assertThat(writes.getAllValues()).extracting(EncryptedRecord::version).containsExactly(4L, 5L);
        assertThat(rotated.decrypt(writes.getAllValues().get(1).data())).isEqualTo(NEW_JSON);
    }

    @Test
    void update_racedByAnotherUsersUpdate_isVersionConflict_andDoesNotOverwriteIt() {
        EncryptedRecord theirs = Fixtures.withVersion(onOldKey.update(Optional.empty(), Optional.of(THEIR_JSON),
                rotated, WriteFormat.ACTIVE_KEY, Fixtures.T0.plusSeconds(10)), 5);
        when(loadRecords.loadRecord(ID)).thenReturn(Optional.of(onOldKey), Optional.of(theirs));
        when(saveRecord.updateRecord(any())).thenThrow(new RekeyException(ErrorCode.VERSION_CONFLICT, "stale"));

        RekeyException e = assertRejected(ErrorCode.VERSION_CONFLICT,
                () -> service.updateCredential(dataChange(Optional.empty())));

        assertThat(e.getMessage()).contains("version 5");
        verify(saveRecord, times(1)).updateRecord(any());
    }

    /**
     * Timestamps have millisecond resolution: another user's update in the same millisecond as the previous
     * write leaves updatedAt and name unchanged, yet it is a user update, not a re-encryption.
     */
    @Test
    void update_racedByAnotherUsersUpdateWithinTheSameMillisecond_isStillVersionConflict() {
        EncryptedRecord theirs = Fixtures.withVersion(onOldKey.update(Optional.empty(), Optional.of(THEIR_JSON),
                rotated, WriteFormat.ACTIVE_KEY, onOldKey.updatedAt()), 5);
        when(loadRecords.loadRecord(ID)).thenReturn(Optional.of(onOldKey), Optional.of(theirs));
        lenient().when(saveRecord.updateRecord(any()))
                .thenThrow(new RekeyException(ErrorCode.VERSION_CONFLICT, "stale"))
                .thenAnswer(call -> Fixtures.withVersion(call.getArgument(0), 6));

        assertRejected(ErrorCode.VERSION_CONFLICT, () -> service.updateCredential(dataChange(Optional.empty())));

        verify(saveRecord, times(1)).updateRecord(any());
    }

    @Test
    void update_withAnExpectedVersionThatIsStale_isVersionConflict_withoutWriting() {
        when(loadRecords.loadRecord(ID)).thenReturn(Optional.of(onOldKey));

        assertRejected(ErrorCode.VERSION_CONFLICT, () -> service.updateCredential(dataChange(Optional.of(3L))));

        verify(saveRecord, never()).updateRecord(any());
    }

    @Test
    void update_withTheExpectedVersion_writes() {
        when(loadRecords.loadRecord(ID)).thenReturn(Optional.of(onOldKey));

        service.updateCredential(dataChange(Optional.of(4L)));

        assertThat(captureWrite().version()).isEqualTo(4);
    }

    @Test
    void update_withAnExpectedVersion_racedByAReencryption_isVersionConflict() {
        EncryptedRecord reencrypted = Fixtures.withVersion(onOldKey.reencrypt(rotated, WriteFormat.ACTIVE_KEY), 5);
        when(loadRecords.loadRecord(ID)).thenReturn(Optional.of(onOldKey), Optional.of(reencrypted));
        when(saveRecord.updateRecord(any())).thenThrow(new RekeyException(ErrorCode.VERSION_CONFLICT, "stale"));

        assertRejected(ErrorCode.VERSION_CONFLICT, () -> service.updateCredential(dataChange(Optional.of(4L))));

        verify(saveRecord, times(1)).updateRecord(any());
    }

    @Test
    void update_racedByReencryptionsEveryTime_givesUpAfterThreeAttempts() {
        EncryptedRecord v5 = Fixtures.withVersion(onOldKey.reencrypt(rotated, WriteFormat.ACTIVE_KEY), 5);
        EncryptedRecord v6 = Fixtures.withVersion(v5.reencrypt(rotated, WriteFormat.ACTIVE_KEY), 6);
        when(loadRecords.loadRecord(ID)).thenReturn(Optional.of(onOldKey), Optional.of(v5), Optional.of(v6));
        when(saveRecord.updateRecord(any())).thenThrow(new RekeyException(ErrorCode.VERSION_CONFLICT, "stale"));

        assertRejected(ErrorCode.VERSION_CONFLICT, () -> service.updateCredential(dataChange(Optional.empty())));

        verify(saveRecord, times(3)).updateRecord(any());
    }

    @Test
    void update_ofAMissingCredential_isRecordNotFound() {
        when(loadRecords.loadRecord(ID)).thenReturn(Optional.empty());

        assertRejected(ErrorCode.RECORD_NOT_FOUND, () -> service.updateCredential(dataChange(Optional.empty())));

        verify(saveRecord, never()).updateRecord(any());
    }

    @Test
    void update_whenTheRecordIsDeletedMeanwhile_isRecordNotFound() {
        when(loadRecords.loadRecord(ID)).thenReturn(Optional.of(onOldKey));
        when(saveRecord.updateRecord(any())).thenThrow(new RekeyException(ErrorCode.RECORD_NOT_FOUND, "gone"));

        assertRejected(ErrorCode.RECORD_NOT_FOUND, () -> service.updateCredential(dataChange(Optional.empty())));
    }

    private static UpdateCredentialCommand dataChange(Optional<Long> expectedVersion) {
        return new UpdateCredentialCommand(ID, Optional.empty(), Optional.of(NEW_JSON), expectedVersion);
    }

    private EncryptedRecord captureWrite() {
        ArgumentCaptor<EncryptedRecord> write = ArgumentCaptor.forClass(EncryptedRecord.class);
        verify(saveRecord).updateRecord(write.capture());
        return write.getValue();
    }
}
