package org.rekey.application.service.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doNothing;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.rekey.domain.error.RekeyAssertions.assertRejected;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import org.rekey.application.error.ApplicationErrorCode;
import org.rekey.application.port.in.credential.PortableCredential;
import org.rekey.application.port.out.LoadDataKeysPort;
import org.rekey.application.port.out.SaveRecordPort;
import org.rekey.application.port.out.TransactionPort;
import org.rekey.application.service.keyring.KeyringCache;
import org.rekey.application.testing.Fixtures;
import org.rekey.application.testing.MockTransactions;
import org.rekey.domain.error.ErrorCode;
import org.rekey.domain.error.RekeyException;
import org.rekey.domain.key.InstanceKey;
import org.rekey.domain.key.Keyring;
import org.rekey.domain.key.WriteFormat;
import org.rekey.domain.record.EncryptedRecord;

@ExtendWith(MockitoExtension.class)
class ImportCredentialsServiceTest {

    private static final Instant NOW = Fixtures.T0.plusSeconds(3600);
    private static final Instant EXPORTED_AT = Fixtures.T0.minusSeconds(86_400);

    @Mock
    private LoadDataKeysPort loadDataKeys;
    @Mock
    private SaveRecordPort saveRecord;
    @Mock
    private TransactionPort transactions;

    private final Keyring keyring = Fixtures.seeded(Fixtures.instanceKey());
    private MockTransactions tx;
    private ImportCredentialsService service;

    @BeforeEach
    void setUp() {
        tx = MockTransactions.runInline(transactions);
        lenient().when(loadDataKeys.loadDataKeys()).thenReturn(keyring.keys());
        KeyringCache cache = new KeyringCache(loadDataKeys, keyring, Duration.ofMillis(500), () -> 0L);
        service = new ImportCredentialsService(cache, saveRecord, transactions, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void import_validEntries_insertsEachAsExportedInOneTransaction() {
        PortableCredential legacy = entry("a1", keyring.encrypt(Fixtures.JSON, WriteFormat.LEGACY));
        PortableCredential keyed = entry("b2", keyring.encrypt(Fixtures.JSON, WriteFormat.ACTIVE_KEY));
        doAnswer(call -> {
            assertThat(tx.isOpen()).isTrue();
            return null;
        }).when(saveRecord).insertRecord(any());

        int imported = service.importCredentials(List.of(legacy, keyed));

        assertThat(imported).isEqualTo(2);
        InOrder order = inOrder(loadDataKeys, transactions, saveRecord);
        order.verify(loadDataKeys).loadDataKeys();
        order.verify(transactions).inTransaction(any());
        ArgumentCaptor<EncryptedRecord> inserted = ArgumentCaptor.forClass(EncryptedRecord.class);
        order.verify(saveRecord, times(2)).insertRecord(inserted.capture());
        assertThat(inserted.getAllValues()).extracting(r -> r.id().value()).containsExactly("a1", "b2");
        assertThat(inserted.getAllValues()).extracting(EncryptedRecord::data)
                .as("data is kept encrypted exactly as exported").containsExactly(legacy.data(), keyed.data());
        assertThat(inserted.getAllValues()).extracting(EncryptedRecord::createdAt).containsOnly(EXPORTED_AT);
    }

    @Test
    void import_missingDates_areSetToNow() {
        PortableCredential undated = new PortableCredential("a1", "n", "t",
                keyring.encrypt(Fixtures.JSON, WriteFormat.LEGACY), null, null);

        service.importCredentials(List.of(undated));

        ArgumentCaptor<EncryptedRecord> inserted = ArgumentCaptor.forClass(EncryptedRecord.class);
        verify(saveRecord).insertRecord(inserted.capture());
        assertThat(inserted.getValue().createdAt()).isEqualTo(NOW);
        assertThat(inserted.getValue().updatedAt()).isEqualTo(NOW);
    }

    @Test
    void import_aValueThatDoesNotDecrypt_importsNothing_andNamesTheEntryAndItsId() {
        String foreign = Keyring.empty(InstanceKey.of("someone-elses-key")).encrypt(Fixtures.JSON, WriteFormat.LEGACY);
        List<PortableCredential> entries = List.of(
                entry("a1", keyring.encrypt(Fixtures.JSON, WriteFormat.LEGACY)),
                entry("b2", foreign));

        RekeyException e = assertRejected(ErrorCode.DECRYPTION_FAILED, () -> service.importCredentials(entries));

        assertThat(e.getMessage()).startsWith("entry 2 (id b2): ").doesNotContain(foreign);
        verifyNoInteractions(saveRecord, transactions);
    }

    @Test
    void import_aValueNamingAnUnknownKey_isRefused() {
        String unknownKey = "NoSuchKey0000000:" + keyring.encrypt(Fixtures.JSON, WriteFormat.ACTIVE_KEY).split(":")[1];

        RekeyException e = assertRejected(ErrorCode.KEY_NOT_FOUND,
                () -> service.importCredentials(List.of(entry("a1", unknownKey))));

        assertThat(e.getMessage()).startsWith("entry 1 (id a1): ");
        verifyNoInteractions(saveRecord);
    }

    @Test
    void import_aMalformedValue_isRefused() {
        RekeyException e = assertRejected(ErrorCode.MALFORMED_VALUE,
                () -> service.importCredentials(List.of(entry("a1", "not:a:value"))));

        assertThat(e.getMessage()).startsWith("entry 1 (id a1): ");
        verifyNoInteractions(saveRecord);
    }

    @Test
    void import_anIdTwiceInTheFile_isRefused_namingTheSecondEntry() {
        String data = keyring.encrypt(Fixtures.JSON, WriteFormat.LEGACY);

        RekeyException e = assertRejected(ErrorCode.INVALID_INPUT,
                () -> service.importCredentials(List.of(entry("a1", data), entry("b2", data), entry("a1", data))));

        assertThat(e.getMessage()).startsWith("entry 3 (id a1): ");
        verifyNoInteractions(saveRecord);
    }

    @Test
    void import_anInvalidIdOrName_isRefused() {
        String data = keyring.encrypt(Fixtures.JSON, WriteFormat.LEGACY);

        assertThat(assertRejected(ErrorCode.INVALID_INPUT,
                () -> service.importCredentials(List.of(entry("bad id!", data)))).getMessage())
                .startsWith("entry 1 (id bad id!): ");
        assertRejected(ErrorCode.INVALID_INPUT, () -> service.importCredentials(
                List.of(new PortableCredential("a1", " ", "t", data, EXPORTED_AT, EXPORTED_AT))));
        verifyNoInteractions(saveRecord);
    }

    @Test
    void import_anIdTakenInTheStore_failsTheTransaction_namingTheEntry() {
        String data = keyring.encrypt(Fixtures.JSON, WriteFormat.LEGACY);
        doNothing().doThrow(new RekeyException(ErrorCode.DUPLICATE_ID, "id taken"))
                .when(saveRecord).insertRecord(any());

        RekeyException e = assertRejected(ErrorCode.DUPLICATE_ID,
                () -> service.importCredentials(List.of(entry("a1", data), entry("b2", data), entry("c3", data))));

        assertThat(e.getMessage()).startsWith("entry 2 (id b2): ");
        verify(saveRecord, times(2)).insertRecord(any());
    }

    @Test
    void import_whenTheStoreFails_propagatesTheFailure() {
        doThrow(new RekeyException(ApplicationErrorCode.STORAGE_FAILURE, "connection lost")).when(saveRecord).insertRecord(any());

        assertRejected(ApplicationErrorCode.STORAGE_FAILURE, () -> service.importCredentials(
                List.of(entry("a1", keyring.encrypt(Fixtures.JSON, WriteFormat.LEGACY)))));
    }

    private static PortableCredential entry(String id, String data) {
        return new PortableCredential(id, "cred " + id, "httpBasicAuth", data, EXPORTED_AT, EXPORTED_AT);
    }
}
