package org.rekey.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rekey.adapter.persistence.Fixtures.T0;
import static org.rekey.adapter.persistence.Fixtures.T0_MILLIS;
import static org.rekey.adapter.persistence.Fixtures.ids;
import static org.rekey.adapter.persistence.Fixtures.record;
import static org.rekey.adapter.persistence.Fixtures.seedInto;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rekey.domain.error.ErrorCode;
import org.rekey.domain.error.RekeyException;
import org.rekey.domain.key.DataKeyId;
import org.rekey.domain.key.KeyRef;
import org.rekey.domain.key.Keyring;
import org.rekey.domain.key.Keyring.KeyChange;
import org.rekey.domain.key.WriteFormat;
import org.rekey.domain.record.EncryptedRecord;
import org.rekey.domain.record.RecordId;

/**
 * The contract of {@code LoadRecordsPort} and {@code SaveRecordPort}, run on every database, and that every write
 * keeps the {@code key_id} column the secret counts go by.
 */
abstract class RecordStoreContract extends DatabaseTestBase {

    private static final Instant T1 = Instant.parse("2024-06-01T10:00:00.001Z");
    private static final Instant T2 = Instant.parse("2024-06-02T10:00:00.002Z");

    private Keyring keyring;

    @BeforeEach
    void seedKeys() {
        keyring = seedInto(database, T0);
    }

    @Test
    void insertedRecord_loadsWithEveryField_atVersionZero() {
        EncryptedRecord record = EncryptedRecord.create(new RecordId("rec-1"), "My API", "httpHeaderAuth",
                "{\"token\":\"abc\"}", keyring, WriteFormat.ACTIVE_KEY, T0);

        database.records().insertRecord(record);

        EncryptedRecord loaded = database.records().loadRecord(record.id()).orElseThrow();
        assertThat(loaded).isEqualTo(record);
        assertThat(loaded.version()).isZero();
        assertThat(loaded.createdAt()).isEqualTo(T0_MILLIS);
        assertThat(loaded.updatedAt()).isEqualTo(T0_MILLIS);
        assertThat(loaded.decryptData(keyring)).isEqualTo("{\"token\":\"abc\"}");
    }

    @Test
    void legacyRecord_roundTrips() {
        EncryptedRecord legacy = record("legacy-1", keyring, WriteFormat.LEGACY, T0);

        database.records().insertRecord(legacy);

        EncryptedRecord loaded = database.records().loadRecord(legacy.id()).orElseThrow();
        assertThat(loaded).isEqualTo(legacy);
        assertThat(loaded.keyId()).isEmpty();
        assertThat(loaded.decryptData(keyring)).isEqualTo(Fixtures.plaintextOf("legacy-1"));
    }

    @Test
    void missingRecord_loadsAsEmpty() {
        assertThat(database.records().loadRecord(new RecordId("nope"))).isEmpty();
    }

    @Test
    void insertWithATakenId_isRejectedAsDuplicate_andKeepsTheOriginal() {
        EncryptedRecord original = record("same-id", keyring);
        database.records().insertRecord(original);
        EncryptedRecord other = EncryptedRecord.create(new RecordId("same-id"), "other", "other", "{}", keyring,
                WriteFormat.ACTIVE_KEY, T1);

        assertThatThrownBy(() -> database.records().insertRecord(other))
                .isInstanceOfSatisfying(RekeyException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.DUPLICATE_ID));

        assertThat(database.records().loadRecord(original.id())).contains(original);
    }

    @Test
    void concurrentInsertsOfTheSameId_oneWins_andTheOtherFailsWithDuplicateId() throws Exception {
        EncryptedRecord winner = record("contested", keyring, WriteFormat.ACTIVE_KEY, T0);
        EncryptedRecord loser = record("contested", keyring, WriteFormat.LEGACY, T1);
        CountDownLatch inserted = new CountDownLatch(1);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> database.transactions().inTransaction(() -> {
            database.records().insertRecord(winner);
            inserted.countDown();
            pause(300);
            return null;
        }));
        assertThat(inserted.await(10, TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(() -> database.records().insertRecord(loser))
                .isInstanceOfSatisfying(RekeyException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.DUPLICATE_ID));

        first.get(10, TimeUnit.SECONDS);
        assertThat(database.records().loadRecord(winner.id())).contains(winner);
    }

    @Test
    void insertOfMalformedData_isRejected_andStoresNothing() {
        EncryptedRecord malformed = EncryptedRecord.reconstitute(new RecordId("bad"), "n", "t", "not a key!:x:y", 0,
                T0, T0);

        assertThatThrownBy(() -> database.records().insertRecord(malformed))
                .isInstanceOfSatisfying(RekeyException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_VALUE));

        assertThat(database.records().countRecords()).isZero();
    }

    @Test
    void update_storesTheNewValues_andReturnsTheRecordAtTheNextVersion() {
        EncryptedRecord stored = insert(record("rec-1", keyring));
        KeyChange rotation = keyring.rotate(T1, Fixtures.RANDOM);
        database.dataKeys().saveDataKeys(rotation.changed());
        EncryptedRecord changed = stored.update(Optional.of("renamed"), Optional.of("{\"new\":true}"),
                rotation.keyring(), WriteFormat.ACTIVE_KEY, T2);

        EncryptedRecord updated = database.records().updateRecord(changed);

        assertThat(updated.version()).isEqualTo(1);
        EncryptedRecord loaded = database.records().loadRecord(stored.id()).orElseThrow();
        assertThat(loaded).isEqualTo(updated);
        assertThat(loaded.name()).isEqualTo("renamed");
        assertThat(loaded.createdAt()).isEqualTo(T0_MILLIS);
        assertThat(loaded.updatedAt()).isEqualTo(T2);
        assertThat(loaded.keyId()).isEqualTo(rotation.activated().map(k -> k.id()));
        assertThat(loaded.decryptData(rotation.keyring())).isEqualTo("{\"new\":true}");
    }

    @Test
    void secondOfTwoUpdatesFromTheSameRead_failsWithVersionConflict_andTheFirstIsKept() {
        EncryptedRecord stored = insert(record("rec-1", keyring));
        EncryptedRecord readByA = database.records().loadRecord(stored.id()).orElseThrow();
        EncryptedRecord readByB = database.records().loadRecord(stored.id()).orElseThrow();

        EncryptedRecord savedByA = database.records().updateRecord(
                readByA.update(Optional.empty(), Optional.of("{\"by\":\"A\"}"), keyring, WriteFormat.ACTIVE_KEY, T1));
        assertThatThrownBy(() -> database.records().updateRecord(
                readByB.update(Optional.empty(), Optional.of("{\"by\":\"B\"}"), keyring, WriteFormat.ACTIVE_KEY, T2)))
                .isInstanceOfSatisfying(RekeyException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.VERSION_CONFLICT));

        EncryptedRecord loaded = database.records().loadRecord(stored.id()).orElseThrow();
        assertThat(loaded).isEqualTo(savedByA);
        assertThat(loaded.decryptData(keyring)).isEqualTo("{\"by\":\"A\"}");
    }

    @Test
    void concurrentUpdatesFromTheSameRead_oneWins_andTheOtherFailsWithVersionConflict() throws Exception {
        EncryptedRecord stored = insert(record("contested", keyring));
        CountDownLatch updated = new CountDownLatch(1);
        CompletableFuture<EncryptedRecord> first = CompletableFuture.supplyAsync(() ->
                database.transactions().inTransaction(() -> {
                    EncryptedRecord saved = database.records().updateRecord(stored.update(Optional.empty(),
                            Optional.of("{\"by\":\"A\"}"), keyring, WriteFormat.ACTIVE_KEY, T1));
                    updated.countDown();
                    pause(300);
                    return saved;
                }));
        assertThat(updated.await(10, TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(() -> database.records().updateRecord(stored.update(Optional.empty(),
                Optional.of("{\"by\":\"B\"}"), keyring, WriteFormat.ACTIVE_KEY, T2)))
                .isInstanceOfSatisfying(RekeyException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.VERSION_CONFLICT));

        EncryptedRecord savedByA = first.get(10, TimeUnit.SECONDS);
        assertThat(database.records().loadRecord(stored.id())).contains(savedByA);
    }

    @Test
    void updateOfAMissingRecord_failsWithRecordNotFound_andCreatesNothing() {
        assertThatThrownBy(() -> database.records().updateRecord(record("ghost", keyring)))
                .isInstanceOfSatisfying(RekeyException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.RECORD_NOT_FOUND));

        assertThat(database.records().countRecords()).isZero();
    }

    @Test
    void delete_removesTheRecord_andDeletingItAgainFailsWithRecordNotFound() {
        EncryptedRecord stored = insert(record("rec-1", keyring));
        insert(record("rec-2", keyring));

        database.records().deleteRecord(stored.id());

        assertThat(database.records().loadRecord(stored.id())).isEmpty();
        assertThat(database.records().countRecords()).isEqualTo(1);
        assertThatThrownBy(() -> database.records().deleteRecord(stored.id()))
                .isInstanceOfSatisfying(RekeyException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.RECORD_NOT_FOUND));
    }

    @Test
    void listRecords_ordersByCreationThenId_andPages() {
        insert(record("c", keyring, WriteFormat.ACTIVE_KEY, T1));
        insert(record("b", keyring, WriteFormat.ACTIVE_KEY, T0));
        insert(record("a", keyring, WriteFormat.ACTIVE_KEY, T1));
        insert(record("d", keyring, WriteFormat.LEGACY, T2));

        assertThat(ids(database.records().listRecords(0, null))).containsExactly("b", "a", "c", "d");
        assertThat(ids(database.records().listRecords(1, 2))).containsExactly("a", "c");
        assertThat(ids(database.records().listRecords(3, 10))).containsExactly("d");
        assertThat(database.records().listRecords(4, 10)).isEmpty();
        assertThat(database.records().listRecords(0, 0)).isEmpty();
        assertThat(database.records().countRecords()).isEqualTo(4);
    }

    @Test
    void listRecords_withNegativePaging_isRejected() {
        assertThatThrownBy(() -> database.records().listRecords(-1, 10))
                .isInstanceOfSatisfying(RekeyException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT));
        assertThatThrownBy(() -> database.records().listRecords(0, -1))
                .isInstanceOfSatisfying(RekeyException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT));
    }

    @Test
    void keysetPaging_visitsEveryRecordOnce_inBinaryIdOrder() {
        List<String> inserted = List.of("b", "B", "a", "A", "_x", "-y", "0", "z9", "Z9", "m");
        inserted.forEach(id -> insert(record(id, keyring)));

        List<String> visited = new ArrayList<>();
        Optional<RecordId> after = Optional.empty();
        List<EncryptedRecord> page;
        while (!(page = database.records().loadRecordsAfter(after, 3)).isEmpty()) {
            assertThat(page).hasSizeLessThanOrEqualTo(3);
            visited.addAll(ids(page));
            after = Optional.of(page.get(page.size() - 1).id());
        }

        assertThat(visited).containsExactlyElementsOf(inserted.stream().sorted().toList());
    }

    @Test
    void insertedRecords_countUnderTheKeyTheirDataNames_andLegacyOnesUnderLegacy() {
        DataKeyId first = keyring.activeKey().orElseThrow().id();
        insert(record("l1", keyring, WriteFormat.LEGACY, T0));
        insert(record("l2", keyring, WriteFormat.LEGACY, T0));
        insert(record("k1", keyring));
        KeyChange rotation = keyring.rotate(T1, Fixtures.RANDOM);
        database.dataKeys().saveDataKeys(rotation.changed());
        DataKeyId second = rotation.activated().orElseThrow().id();
        insert(record("k2", rotation.keyring()));
        insert(record("k3", rotation.keyring()));
        insert(record("k4", rotation.keyring()));

        Map<KeyRef, Long> counts = database.secrets().countSecretsByKey();

        assertThat(counts).containsOnly(Map.entry(KeyRef.LEGACY, 2L), Map.entry(KeyRef.of(first), 1L),
                Map.entry(KeyRef.of(second), 3L));
        assertThat(database.secrets().countSecretsUsing(first)).isEqualTo(1);
        assertThat(database.secrets().countSecretsUsing(second)).isEqualTo(3);
        assertThat(database.secrets().countSecretsUsing(new DataKeyId("unused"))).isZero();
    }

    @Test
    void updateThatMovesARecordToAnotherKey_movesItsCount() {
        DataKeyId first = keyring.activeKey().orElseThrow().id();
        EncryptedRecord legacy = insert(record("r", keyring, WriteFormat.LEGACY, T0));

        database.records().updateRecord(legacy.reencrypt(keyring, WriteFormat.ACTIVE_KEY));

        assertThat(database.secrets().countSecretsByKey()).containsOnly(Map.entry(KeyRef.of(first), 1L));
    }

    private EncryptedRecord insert(EncryptedRecord record) {
        database.records().insertRecord(record);
        return record;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
