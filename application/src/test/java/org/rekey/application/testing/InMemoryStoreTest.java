package org.rekey.application.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rekey.domain.error.RekeyAssertions.assertRejected;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.rekey.application.apikey.ApiKey;
import org.rekey.application.apikey.Scope;
import org.rekey.application.port.out.SecretLocation;
import org.rekey.application.port.out.StoredSecret;
import org.rekey.application.error.ApplicationErrorCode;
import org.rekey.domain.error.ErrorCode;
import org.rekey.domain.error.RekeyException;
import org.rekey.domain.key.DataKey;
import org.rekey.domain.key.DataKeyId;
import org.rekey.domain.key.InstanceKey;
import org.rekey.domain.key.KeyRef;
import org.rekey.domain.key.Keyring;
import org.rekey.domain.key.WriteFormat;
import org.rekey.domain.record.EncryptedRecord;
import org.rekey.domain.record.RecordId;

class InMemoryStoreTest {

    private final InMemoryStore store = new InMemoryStore();
    private final InstanceKey instanceKey = Fixtures.instanceKey();
    private final Keyring keyring = Fixtures.seeded(instanceKey);

    @Test
    void saveDataKeys_secondActiveKey_isRotationConflictAndChangesNothing() {
        store.saveDataKeys(keyring.keys());
        Keyring other = Fixtures.seeded(instanceKey);

        assertRejected(ErrorCode.ROTATION_CONFLICT, () -> store.saveDataKeys(other.keys()));

        assertThat(store.loadDataKeys()).containsExactlyInAnyOrderElementsOf(keyring.keys());
    }

    @Test
    void saveDataKeys_demotionBeforeInsertion_leavesExactlyOneActiveKey() {
        store.saveDataKeys(keyring.keys());
        Keyring.KeyChange rotation = keyring.rotate(Fixtures.T0.plusSeconds(1), Fixtures.RANDOM);

        store.saveDataKeys(rotation.changed());

        assertThat(store.loadDataKeys()).hasSize(3).filteredOn(DataKey::isActive)
                .containsExactly(rotation.activated().orElseThrow());
    }

    @Test
    void saveDataKeys_insertionBeforeDemotion_isRotationConflict() {
        store.saveDataKeys(keyring.keys());
        List<DataKey> reversed = new ArrayList<>(keyring.rotate(Fixtures.T0, Fixtures.RANDOM).changed());
        java.util.Collections.reverse(reversed);

        assertRejected(ErrorCode.ROTATION_CONFLICT, () -> store.saveDataKeys(reversed));
    }

    @Test
    void transaction_thatThrows_rollsBackEveryWrite() {
        store.insertRecord(record("keep"));

        assertRejected(ApplicationErrorCode.STORAGE_FAILURE, () -> store.inTransaction(() -> {
            store.saveDataKeys(keyring.keys());
            store.insertRecord(record("gone"));
            store.deleteRecord(new RecordId("keep"));
            throw new RekeyException(ApplicationErrorCode.STORAGE_FAILURE, "the disk is full");
        }));

        assertThat(store.loadDataKeys()).isEmpty();
        assertThat(store.loadRecord(new RecordId("gone"))).isEmpty();
        assertThat(store.loadRecord(new RecordId("keep"))).isPresent();
        assertThat(store.rollbacks()).isEqualTo(1);
    }

    @Test
    void nestedTransaction_joinsTheOuterOne_andRollsBackWithIt() {
        assertRejected(ApplicationErrorCode.STORAGE_FAILURE, () -> store.inTransaction(() -> {
            store.inTransaction(() -> {
                store.insertRecord(record("inner"));
                return null;
            });
            throw new RekeyException(ApplicationErrorCode.STORAGE_FAILURE, "later failure");
        }));

        assertThat(store.countRecords()).isZero();
    }

    @Test
    void insertRecord_storesVersionZero_andRefusesATakenId() {
        store.insertRecord(Fixtures.withVersion(record("a"), 7));

        assertThat(store.loadRecord(new RecordId("a")).orElseThrow().version()).isZero();
        assertRejected(ErrorCode.DUPLICATE_ID, () -> store.insertRecord(record("a")));
    }

    @Test
    void updateRecord_atTheStoredVersion_incrementsIt() {
        store.insertRecord(record("a"));

        EncryptedRecord written = store.updateRecord(record("a"));

        assertThat(written.version()).isEqualTo(1);
        assertThat(store.loadRecord(new RecordId("a")).orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void updateRecord_atAStaleVersion_isVersionConflictAndKeepsTheStoredRecord() {
        store.insertRecord(record("a"));
        EncryptedRecord first = store.updateRecord(record("a"));

        assertRejected(ErrorCode.VERSION_CONFLICT, () -> store.updateRecord(Fixtures.withData(record("a"), "x")));

        assertThat(store.loadRecord(new RecordId("a"))).contains(first);
    }

    @Test
    void updateAndDelete_ofAMissingRecord_areRecordNotFound() {
        assertRejected(ErrorCode.RECORD_NOT_FOUND, () -> store.updateRecord(record("nope")));
        assertRejected(ErrorCode.RECORD_NOT_FOUND, () -> store.deleteRecord(new RecordId("nope")));
    }

    @Test
    void loadRecordsAfter_pagesByIdInOrder() {
        for (String id : List.of("c", "a", "e", "b", "d")) {
            store.insertRecord(record(id));
        }

        assertThat(ids(store.loadRecordsAfter(Optional.empty(), 2))).containsExactly("a", "b");
        assertThat(ids(store.loadRecordsAfter(Optional.of(new RecordId("b")), 2))).containsExactly("c", "d");
        assertThat(ids(store.loadRecordsAfter(Optional.of(new RecordId("d")), 2))).containsExactly("e");
    }

    @Test
    void listRecords_ordersByCreationThenId() {
        store.insertRecord(record("b"));
        store.insertRecord(record("a"));
        EncryptedRecord older = EncryptedRecord.create(new RecordId("z"), "z", "t", "{}", keyring,
                WriteFormat.LEGACY, Fixtures.T0.minusSeconds(60));
        store.insertRecord(older);

        assertThat(ids(store.listRecords(0, null))).containsExactly("z", "a", "b");
        assertThat(ids(store.listRecords(1, 1))).containsExactly("a");
    }

    @Test
    void claimSecretsNotOn_aKey_returnsEveryOtherRecordByIdAfterTheGivenOne() {
        DataKeyId active = keyring.activeKey().orElseThrow().id();
        store.insertRecord(record("a"));
        store.insertRecord(Fixtures.record("b", "{}", keyring, WriteFormat.LEGACY, 0));
        store.insertRecord(Fixtures.withData(record("c"), "legacyRowId:U2FsdGVkX18="));
        store.insertRecord(Fixtures.record("d", "{}", keyring, WriteFormat.LEGACY, 0));

        assertThat(rowIds(claim(KeyRef.of(active), Optional.empty(), 10)))
                .containsExactly("b", "c", "d");
        assertThat(rowIds(claim(KeyRef.of(active), Optional.of(at("b")), 1)))
                .containsExactly("c");
    }

    @Test
    void claimSecretsNotOn_legacy_returnsOnlyRecordsThatNameAKey() {
        store.insertRecord(record("a"));
        store.insertRecord(Fixtures.record("b", "{}", keyring, WriteFormat.LEGACY, 0));

        assertThat(rowIds(claim(KeyRef.LEGACY, Optional.empty(), 10))).containsExactly("a");
    }

    @Test
    void countSecretsByKey_countsLegacyValuesUnderLegacy() {
        DataKeyId active = keyring.activeKey().orElseThrow().id();
        store.insertRecord(record("a"));
        store.insertRecord(record("b"));
        store.insertRecord(Fixtures.record("c", "{}", keyring, WriteFormat.LEGACY, 0));

        assertThat(store.countSecretsByKey()).isEqualTo(Map.of(KeyRef.of(active), 2L, KeyRef.LEGACY, 1L));
        assertThat(store.countSecretsUsing(active)).isEqualTo(2);
    }

    @Test
    void apiKeys_revokingAnUnknownKey_returnsFalse_andRevokingTwiceKeepsTheFirstTime() {
        ApiKey key = new ApiKey("id1", "ci", Set.of(Scope.CREDENTIAL_READ), "hash", Fixtures.T0, Optional.empty());
        store.insertApiKey(key);
        Instant first = Fixtures.T0.plusSeconds(5);

        assertThat(store.revokeApiKey("nope", first)).isFalse();
        assertThat(store.revokeApiKey("id1", first)).isTrue();
        assertThat(store.revokeApiKey("id1", first.plusSeconds(5))).isTrue();
        assertThat(store.loadApiKey("id1").orElseThrow().revokedAt()).contains(first);
        assertRejected(ErrorCode.DUPLICATE_ID, () -> store.insertApiKey(key));
    }

    @Test
    void transactions_onManyThreads_areSerialised() throws Exception {
        store.insertRecord(record("counter"));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                done.add(pool.submit(() -> store.inTransaction(() ->
                        store.updateRecord(store.loadRecord(new RecordId("counter")).orElseThrow()))));
            }
            for (Future<?> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(store.loadRecord(new RecordId("counter")).orElseThrow().version()).isEqualTo(200);
    }

    private EncryptedRecord record(String id) {
        return Fixtures.record(id, Fixtures.JSON, keyring, WriteFormat.ACTIVE_KEY, 0);
    }

    private List<StoredSecret> claim(KeyRef target, Optional<SecretLocation> after, int limit) {
        return store.inTransaction(() -> store.claimSecretsNotOn(target, after, limit));
    }

    private static SecretLocation at(String id) {
        return new SecretLocation(InMemoryStore.TABLE, id, InMemoryStore.FIELD);
    }

    private static List<String> rowIds(List<StoredSecret> secrets) {
        return secrets.stream().map(s -> s.location().rowId()).toList();
    }

    private static List<String> ids(List<EncryptedRecord> records) {
        return records.stream().map(r -> r.id().value()).toList();
    }
}
