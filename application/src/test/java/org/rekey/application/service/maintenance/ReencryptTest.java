package org.rekey.application.service.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rekey.application.testing.Fixtures.OPERATOR;
import static org.rekey.domain.error.RekeyAssertions.assertRejected;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rekey.application.error.ApplicationErrorCode;
import org.rekey.application.port.in.credential.CreateCredentialCommand;
import org.rekey.application.port.in.credential.UpdateCredentialCommand;
import org.rekey.application.port.in.maintenance.BatchCommand;
import org.rekey.application.port.in.maintenance.BatchReport;
import org.rekey.application.port.in.maintenance.Progress;
import org.rekey.application.port.in.maintenance.ProgressListener;
import org.rekey.application.testing.Fixtures;
import org.rekey.application.testing.InMemoryStore;
import org.rekey.application.testing.TestServices;
import org.rekey.domain.error.ErrorCode;
import org.rekey.domain.error.RekeyException;
import org.rekey.domain.key.DataKeyId;
import org.rekey.domain.key.KeyRef;
import org.rekey.domain.key.Keyring;
import org.rekey.domain.key.WriteFormat;
import org.rekey.domain.record.EncryptedRecord;
import org.rekey.domain.record.RecordId;

/** Eager re-encryption ({@link ReencryptService} over {@link RecordMover}) on the in-memory store. */
class ReencryptTest {

    private final InMemoryStore store = new InMemoryStore();
    private final TestServices rekey = TestServices.builder().store(store).build();
    private final Map<String, String> plaintexts = new LinkedHashMap<>();
    private String oldKey;
    private String newKey;

    /** Five records on the first key, two legacy records, then a rotation. */
    @BeforeEach
    void fiveOnTheOldKeyTwoLegacy_thenRotate() {
        oldKey = activeKey();
        for (int i = 0; i < 5; i++) {
            String json = "{\"n\":" + i + "}";
            String id = rekey.credentials().createCredential().createCredential(new CreateCredentialCommand("c" + i, "t", json)).id();
            plaintexts.put(id, json);
        }
        Keyring keyring = rekey.keyring().current();
        for (String id : List.of("legacy1", "legacy2")) {
            String json = "{\"legacy\":\"" + id + "\"}";
            store.insertRecord(Fixtures.record(id, json, keyring, WriteFormat.LEGACY, 0));
            plaintexts.put(id, json);
        }
        newKey = rekey.keys().rotateDataKey().rotateDataKey(OPERATOR).id();
    }

    @AfterEach
    void close() {
        rekey.close();
    }

    @Test
    void reencrypt_movesEveryRecordToTheActiveKey_batchByBatch() {
        List<Progress> progress = new ArrayList<>();

        BatchReport report = rekey.maintenance().reencrypt().reencrypt(new BatchCommand(2, false), progress::add, OPERATOR);

        assertThat(report.target()).isEqualTo(KeyRef.of(new DataKeyId(newKey)));
        assertThat(report.pendingByKey()).isEqualTo(Map.of(KeyRef.of(new DataKeyId(oldKey)), 5L, KeyRef.LEGACY, 2L));
        assertThat(report.moved()).isEqualTo(7);
        assertThat(report.skipped()).isZero();
        assertThat(report.succeeded()).isTrue();
        assertEveryRecordOnTheNewKeyWithItsData();
        assertThat(progress).extracting(Progress::done).isSorted().contains(0L, 2L, 4L, 6L, 7L);
        assertThat(progress.get(progress.size() - 1)).isEqualTo(new Progress(7, 7, 0));
    }

    @Test
    void reencrypt_killedInTheThirdBatch_keepsTheFirstTwoBatches_andARerunFinishes() {
        AtomicInteger updates = new AtomicInteger();
        store.onUpdate(record -> {
            if (updates.incrementAndGet() == 6) {
                throw new RekeyException(ApplicationErrorCode.STORAGE_FAILURE, "the connection dropped");
            }
        });

        assertRejected(ApplicationErrorCode.STORAGE_FAILURE, () -> rekey.maintenance().reencrypt().reencrypt(new BatchCommand(2, false),
                ProgressListener.NONE, OPERATOR));

        assertThat(store.countSecretsUsing(new DataKeyId(newKey)))
                .as("batches 1 and 2 committed; batch 3 rolled back as a whole").isEqualTo(4);
        assertEveryRecordReadable();

        store.onUpdate(record -> { });
        BatchReport rerun = rekey.maintenance().reencrypt().reencrypt(new BatchCommand(2, false), ProgressListener.NONE, OPERATOR);

        assertThat(rerun.moved()).isEqualTo(3);
        assertEveryRecordOnTheNewKeyWithItsData();
    }

    @Test
    void reencrypt_dryRun_changesNothing_andReportsWhatIsPendingPerKey() {
        List<EncryptedRecord> before = store.loadRecordsAfter(Optional.empty(), 100);

        BatchReport report = rekey.maintenance().reencrypt().reencrypt(new BatchCommand(2, true), ProgressListener.NONE, OPERATOR);

        assertThat(report.dryRun()).isTrue();
        assertThat(report.pendingByKey()).isEqualTo(Map.of(KeyRef.of(new DataKeyId(oldKey)), 5L, KeyRef.LEGACY, 2L));
        assertThat(report.moved()).isZero();
        assertThat(store.loadRecordsAfter(Optional.empty(), 100)).isEqualTo(before);
    }

    @Test
    void reencrypt_aCorruptRecord_isReportedWithItsCode_andEveryOtherRecordStillMoves() {
        String corrupt = oldKey + ":" + "AQ" + "A".repeat(98);
        store.insertRecord(Fixtures.raw("corrupt", corrupt));

        BatchReport report = rekey.maintenance().reencrypt().reencrypt(new BatchCommand(3, false), ProgressListener.NONE, OPERATOR);

        assertThat(report.moved()).isEqualTo(7);
        assertThat(report.succeeded()).isFalse();
        assertThat(report.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.recordId()).isEqualTo("corrupt");
            assertThat(failure.table()).isEqualTo(InMemoryStore.TABLE);
            assertThat(failure.field()).isEqualTo(InMemoryStore.FIELD);
            assertThat(failure.code()).isEqualTo(ErrorCode.DECRYPTION_FAILED.name());
            assertThat(failure.message()).isNotBlank().doesNotContain(corrupt);
        });
        assertThat(store.loadRecord(new RecordId("corrupt")).orElseThrow().data()).isEqualTo(corrupt);
        store.deleteRecord(new RecordId("corrupt"));
        assertEveryRecordOnTheNewKeyWithItsData();
    }

    @Test
    void reencrypt_aRecordAUserUpdatesMidRun_isNotOverwritten() {
        AtomicBoolean once = new AtomicBoolean();
        String userJson = "{\"changed\":\"by a user\"}";
        String[] touched = new String[1];
        store.onClaim(claimed -> {
            if (!claimed.isEmpty() && once.compareAndSet(false, true)) {
                touched[0] = claimed.get(0).id().value();
                rekey.credentials().updateCredential().updateCredential(new UpdateCredentialCommand(claimed.get(0).id(),
                        Optional.empty(), Optional.of(userJson), Optional.empty()));
            }
        });

        BatchReport report = rekey.maintenance().reencrypt().reencrypt(new BatchCommand(10, false), ProgressListener.NONE, OPERATOR);

        assertThat(report.skipped()).isEqualTo(1);
        assertThat(report.moved()).isEqualTo(6);
        plaintexts.put(touched[0], userJson);
        assertEveryRecordOnTheNewKeyWithItsData();
    }

    @Test
    void reencrypt_twice_hasNothingLeftToDoTheSecondTime() {
        rekey.maintenance().reencrypt().reencrypt(Fixtures.defaultBatch(), ProgressListener.NONE, OPERATOR);

        BatchReport second = rekey.maintenance().reencrypt().reencrypt(Fixtures.defaultBatch(), ProgressListener.NONE, OPERATOR);

        assertThat(second.pendingByKey()).isEmpty();
        assertThat(second.moved()).isZero();
    }

    @Test
    void reencrypt_whenRotationIsOff_isRotationDisabled_andChangesNothing() {
        List<EncryptedRecord> before = store.loadRecordsAfter(Optional.empty(), 100);
        try (TestServices off = TestServices.builder().store(store).rotationEnabled(false).build()) {
            assertRejected(ErrorCode.ROTATION_DISABLED,
                    () -> off.maintenance().reencrypt().reencrypt(Fixtures.defaultBatch(), ProgressListener.NONE, OPERATOR));
        }
        assertThat(store.loadRecordsAfter(Optional.empty(), 100)).isEqualTo(before);
    }

    @Test
    void reencrypt_thenTheOldKeyCanBeDestroyed_andEverythingStillReads() {
        rekey.maintenance().reencrypt().reencrypt(Fixtures.defaultBatch(), ProgressListener.NONE, OPERATOR);

        rekey.keys().destroyDataKey().destroyDataKey(new DataKeyId(oldKey), OPERATOR);

        assertEveryRecordOnTheNewKeyWithItsData();
        assertThat(rekey.maintenance().verifyRecords().verifyRecords(ProgressListener.NONE).failures()).isEmpty();
    }

    private void assertEveryRecordOnTheNewKeyWithItsData() {
        List<EncryptedRecord> all = store.loadRecordsAfter(Optional.empty(), 100);
        assertThat(all).hasSize(plaintexts.size());
        for (EncryptedRecord record : all) {
            assertThat(record.keyId()).as("record %s", record.id()).map(k -> k.value()).contains(newKey);
            assertThat(rekey.credentials().getCredential().getCredential(record.id(), true).data())
                    .contains(plaintexts.get(record.id().value()));
        }
    }

    private void assertEveryRecordReadable() {
        for (EncryptedRecord record : store.loadRecordsAfter(Optional.empty(), 100)) {
            assertThat(rekey.credentials().getCredential().getCredential(record.id(), true).data())
                    .contains(plaintexts.get(record.id().value()));
        }
    }

    private String activeKey() {
        return rekey.keyring().current().activeKey().orElseThrow().id().value();
    }
}
