package org.rekey.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rekey.adapter.persistence.Fixtures.T0;
import static org.rekey.adapter.persistence.Fixtures.record;
import static org.rekey.adapter.persistence.Fixtures.seedInto;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rekey.application.error.ApplicationErrorCode;
import org.rekey.domain.error.ErrorCode;
import org.rekey.domain.error.RekeyException;
import org.rekey.domain.key.Keyring;
import org.rekey.domain.record.EncryptedRecord;
import org.rekey.domain.record.RecordId;

/** The contract of {@code TransactionPort}, run on every database. */
abstract class TransactionContract extends DatabaseTestBase {

    private Keyring keyring;

    @BeforeEach
    void seedKeys() {
        keyring = seedInto(database, T0);
    }

    @Test
    void work_thatReturns_isCommitted_andItsResultReturned() {
        String result = database.transactions().inTransaction(() -> {
            database.records().insertRecord(record("a", keyring));
            database.records().insertRecord(record("b", keyring));
            return "done";
        });

        assertThat(result).isEqualTo("done");
        assertThat(countFromAnotherThread()).isEqualTo(2);
    }

    @Test
    void work_thatThrowsARekeyException_isRolledBack_andTheSameExceptionRethrown() {
        RekeyException failure = new RekeyException(ErrorCode.VERSION_CONFLICT, "lost a race");

        assertThatThrownBy(() -> database.transactions().inTransaction(() -> {
            database.records().insertRecord(record("a", keyring));
            database.dataKeys().saveDataKeys(keyring.rotate(Instant.now(), Fixtures.RANDOM).changed());
            throw failure;
        })).isSameAs(failure);

        assertThat(database.records().countRecords()).isZero();
        assertThat(database.dataKeys().loadDataKeys()).containsExactlyInAnyOrderElementsOf(keyring.keys());
    }

    @Test
    void work_thatThrowsAnyOtherException_isRolledBack_andTheSameExceptionRethrown() {
        IllegalArgumentException failure = new IllegalArgumentException("a bug");

        assertThatThrownBy(() -> database.transactions().inTransaction(() -> {
            database.records().insertRecord(record("a", keyring));
            throw failure;
        })).isSameAs(failure);

        assertThat(database.records().countRecords()).isZero();
    }

    @Test
    void storeErrorInsideWork_rollsBackEverything_andKeepsItsCode() {
        database.records().insertRecord(record("taken", keyring));

        assertThatThrownBy(() -> database.transactions().inTransaction(() -> {
            database.records().insertRecord(record("a", keyring));
            database.records().insertRecord(record("taken", keyring));
            return null;
        })).isInstanceOfSatisfying(RekeyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.DUPLICATE_ID));

        assertThat(database.records().loadRecord(new RecordId("a"))).isEmpty();
    }

    @Test
    void uncommittedWrites_areInvisibleToOtherThreads_untilCommit() {
        long seenDuring = database.transactions().inTransaction(() -> {
            database.records().insertRecord(record("a", keyring));
            assertThat(database.records().countRecords()).isEqualTo(1);
            return countFromAnotherThread();
        });

        assertThat(seenDuring).isZero();
        assertThat(countFromAnotherThread()).isEqualTo(1);
    }

    @Test
    void nestedTransaction_joinsTheOuterOne_seeingItsWrites_andRollingBackWithIt() {
        IllegalStateException outerFailure = new IllegalStateException("outer fails after the inner returned");

        assertThatThrownBy(() -> database.transactions().inTransaction(() -> {
            database.records().insertRecord(record("outer", keyring));
            Optional<EncryptedRecord> seenByInner = database.transactions().inTransaction(() -> {
                database.records().insertRecord(record("inner", keyring));
                return database.records().loadRecord(new RecordId("outer"));
            });
            assertThat(seenByInner).isPresent();
            assertThat(countFromAnotherThread()).isZero();
            throw outerFailure;
        })).isSameAs(outerFailure);

        assertThat(database.records().countRecords()).isZero();
    }

    @Test
    void nestedTransactionThatFails_rollsBackTheWholeTransaction_evenIfTheOuterWorkCatchesIt() {
        RekeyException innerFailure = new RekeyException(ErrorCode.VERSION_CONFLICT, "inner lost a race");

        assertThatThrownBy(() -> database.transactions().inTransaction(() -> {
            database.records().insertRecord(record("outer", keyring));
            try {
                database.transactions().inTransaction(() -> {
                    database.records().insertRecord(record("inner", keyring));
                    throw innerFailure;
                });
            } catch (RekeyException expected) {
                assertThat(expected).isSameAs(innerFailure);
            }
            return null;
        })).isInstanceOfSatisfying(RekeyException.class, e -> {
            assertThat(e.code()).isEqualTo(ApplicationErrorCode.STORAGE_FAILURE);
            assertThat(e.getMessage()).contains("rolled back").contains("VERSION_CONFLICT");
            assertThat(e.getCause()).isSameAs(innerFailure);
        });

        assertThat(database.records().countRecords()).isZero();
    }

    @Test
    void storeCallsOutsideATransaction_commitOneByOne() {
        database.records().insertRecord(record("a", keyring));

        assertThatThrownBy(() -> database.records().insertRecord(record("a", keyring)))
                .isInstanceOfSatisfying(RekeyException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.DUPLICATE_ID));

        assertThat(countFromAnotherThread()).isEqualTo(1);
    }

    @Test
    void databaseError_becomesStorageFailure_withoutRowValuesInTheMessage_andRollsBack() {
        EncryptedRecord stored = record("a", keyring);
        database.records().insertRecord(stored);
        EncryptedRecord nameless = EncryptedRecord.reconstitute(stored.id(), null, stored.type(), stored.data(), 0,
                stored.createdAt(), stored.updatedAt());

        assertThatThrownBy(() -> database.transactions().inTransaction(() -> {
            database.records().insertRecord(record("b", keyring));
            return database.records().updateRecord(nameless);
        })).isInstanceOfSatisfying(RekeyException.class, e -> {
            assertThat(e.code()).isEqualTo(ApplicationErrorCode.STORAGE_FAILURE);
            assertThat(e.getMessage()).contains("updating a record").doesNotContain(stored.data());
        });

        assertThat(database.records().loadRecord(stored.id())).contains(stored);
        assertThat(database.records().countRecords()).isEqualTo(1);
    }

    @Test
    void transactionsOfDifferentThreads_areIndependent() {
        IllegalStateException failure = new IllegalStateException("roll back mine only");

        assertThatThrownBy(() -> database.transactions().inTransaction(() -> {
            database.records().insertRecord(record("mine", keyring));
            CompletableFuture.runAsync(() -> database.records().insertRecord(record("theirs", keyring)))
                    .orTimeout(10, TimeUnit.SECONDS).join();
            throw failure;
        })).isSameAs(failure);

        assertThat(database.records().loadRecord(new RecordId("theirs"))).isPresent();
        assertThat(database.records().loadRecord(new RecordId("mine"))).isEmpty();
    }

    private long countFromAnotherThread() {
        return CompletableFuture.supplyAsync(() -> database.records().countRecords())
                .orTimeout(10, TimeUnit.SECONDS).join();
    }
}
