package org.rekey.application.service.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.rekey.application.testing.Fixtures.OPERATOR;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rekey.application.port.in.credential.CreateCredentialCommand;
import org.rekey.application.port.in.maintenance.Progress;
import org.rekey.application.port.in.maintenance.RecordFailure;
import org.rekey.application.port.in.maintenance.VerifyReport;
import org.rekey.application.testing.Fixtures;
import org.rekey.application.testing.InMemoryStore;
import org.rekey.application.testing.TestServices;
import org.rekey.domain.error.ErrorCode;
import org.rekey.domain.key.DataKeyId;
import org.rekey.domain.key.InstanceKey;
import org.rekey.domain.key.KeyRef;
import org.rekey.domain.key.StoredValue;
import org.rekey.domain.key.WriteFormat;
import org.rekey.domain.record.EncryptedRecord;

/** {@link VerifyRecordsService}: decrypt everything, count per key, report failures without secrets. */
class VerifyRecordsTest {

    private static final String SECRET = "hunter2";

    private final InMemoryStore store = new InMemoryStore();
    private final TestServices rekey = TestServices.builder().store(store).build();

    @AfterEach
    void close() {
        rekey.close();
    }

    @Test
    void verify_countsRecordsPerKeyIncludingLegacy_andReportsEachFailureWithItsCode() {
        String first = create();
        create();
        String second = rekey.keys().rotateDataKey().rotateDataKey(OPERATOR).id();
        create();
        store.insertRecord(Fixtures.record("legacy", Fixtures.JSON, rekey.keyring().current(), WriteFormat.LEGACY, 0));
        String foreign = Fixtures.seeded(InstanceKey.of("elsewhere")).encrypt(Fixtures.JSON, WriteFormat.ACTIVE_KEY);
        String wrongKeyCiphertext = second + ":" + StoredValue.parse(foreign).ciphertext();
        insertRaw("undecryptable", wrongKeyCiphertext);
        insertRaw("malformed", "not:a:value");
        insertRaw("unknownkey", "NoSuchKey0000000:" + StoredValue.parse(foreign).ciphertext());
        List<Progress> progress = new ArrayList<>();

        VerifyReport report = rekey.maintenance().verifyRecords().verifyRecords(progress::add);

        assertThat(report.total()).isEqualTo(7);
        assertThat(report.activeKey()).isEqualTo(key(second));
        assertThat(report.recordsByKey()).isEqualTo(Map.of(key(first), 2L, key(second), 2L, KeyRef.LEGACY, 1L,
                key("NoSuchKey0000000"), 1L));
        assertThat(report.malformed()).isEqualTo(1);
        assertThat(report.succeeded()).isFalse();
        assertThat(report.failures()).extracting(RecordFailure::recordId, RecordFailure::code)
                .containsExactlyInAnyOrder(
                        tuple("undecryptable", ErrorCode.DECRYPTION_FAILED.name()),
                        tuple("malformed", ErrorCode.MALFORMED_VALUE.name()),
                        tuple("unknownkey", ErrorCode.KEY_NOT_FOUND.name()));
        assertThat(report.failures()).allSatisfy(failure -> assertThat(failure.message()).isNotBlank()
                .doesNotContain(SECRET).doesNotContain(StoredValue.parse(foreign).ciphertext())
                .doesNotContain(TestServices.DEFAULT_INSTANCE_KEY));
        assertThat(report.failures()).as("each failure names where the value is kept")
                .extracting(RecordFailure::table, RecordFailure::field)
                .containsOnly(tuple(InMemoryStore.TABLE, InMemoryStore.FIELD));
        assertThat(progress.get(progress.size() - 1)).isEqualTo(new Progress(7, 7, 3));
    }

    @Test
    void verify_ofHealthyRecords_succeeds_andChangesNothing() {
        create();
        create();
        List<EncryptedRecord> before = store.loadRecordsAfter(Optional.empty(), 100);

        VerifyReport report = rekey.maintenance().verifyRecords().verifyRecords(p -> { });

        assertThat(report.succeeded()).isTrue();
        assertThat(report.total()).isEqualTo(2);
        assertThat(store.loadRecordsAfter(Optional.empty(), 100)).isEqualTo(before);
    }

    @Test
    void verify_withRotationNeverEnabled_reportsLegacyAsTheActiveFormat() {
        try (TestServices off = TestServices.builder().rotationEnabled(false).build()) {
            off.credentials().createCredential().createCredential(new CreateCredentialCommand("n", "t", Fixtures.JSON));

            VerifyReport report = off.maintenance().verifyRecords().verifyRecords(p -> { });

            assertThat(report.activeKey()).isEqualTo(KeyRef.LEGACY);
            assertThat(report.recordsByKey()).isEqualTo(Map.of(KeyRef.LEGACY, 1L));
        }
    }

    private static KeyRef key(String id) {
        return KeyRef.of(new DataKeyId(id));
    }

    private String create() {
        return rekey.credentials().createCredential().createCredential(new CreateCredentialCommand("n", "t", Fixtures.JSON))
                .keyId().orElseThrow();
    }

    private void insertRaw(String id, String data) {
        store.insertRecord(Fixtures.raw(id, data));
    }
}
