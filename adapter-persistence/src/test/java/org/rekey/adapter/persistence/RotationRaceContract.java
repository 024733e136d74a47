package org.rekey.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rekey.adapter.persistence.Fixtures.INSTANCE_KEY;
import static org.rekey.adapter.persistence.Fixtures.RANDOM;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rekey.domain.error.ErrorCode;
import org.rekey.domain.error.RekeyException;
import org.rekey.domain.key.DataKey;
import org.rekey.domain.key.Keyring;
import org.rekey.domain.key.WriteFormat;
import org.rekey.domain.record.EncryptedRecord;
import org.rekey.domain.record.RecordId;

/** Two instances (two independent pools on one database) rotating and writing at the same time. */
abstract class RotationRaceContract {

    private static final int ROTATIONS_PER_INSTANCE = 25;
    private static final int WRITES_PER_INSTANCE = 40;
    private static final long TIMEOUT_SECONDS = 90;

    private Database first;
    private Database second;
    private ExecutorService threads;

    protected abstract TestDatabase testDatabase();

    @BeforeEach
    void openTwoInstances() {
        first = Database.open(testDatabase().settings());
        second = Database.open(testDatabase().settings());
        Fixtures.seedInto(first, Instant.now());
        threads = Executors.newFixedThreadPool(4);
    }

    /** Closes both instances and drops the tables, so the next test starts from an empty database again. */
    @AfterEach
    void closeInstances() throws Exception {
        if (first == null) {
            return;
        }
        threads.shutdownNow();
        try {
            testDatabase().execute("DROP TABLE credentials_entity, deployment_key, api_key, job, audit_entry,"
                    + " \"flyway_schema_history\"");
        } finally {
            first.close();
            second.close();
        }
    }

    @Test
    void twoInstancesRotatingAtOnce_endWithExactlyOneActiveKey_andNoReadSeesZeroOrTwo() throws Exception {
        AtomicBoolean rotating = new AtomicBoolean(true);
        Future<Integer> rotationsA = threads.submit(() -> rotateRepeatedly(first, ROTATIONS_PER_INSTANCE));
        Future<Integer> rotationsB = threads.submit(() -> rotateRepeatedly(second, ROTATIONS_PER_INSTANCE));
        Future<Map<Long, Integer>> activeCountsSeen = threads.submit(() -> {
            Map<Long, Integer> seen = new HashMap<>();
            while (rotating.get()) {
                long active = second.dataKeys().loadDataKeys().stream().filter(DataKey::isActive).count();
                seen.merge(active, 1, Integer::sum);
            }
            return seen;
        });

        int conflicts = rotationsA.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                + rotationsB.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        rotating.set(false);
        Map<Long, Integer> seen = activeCountsSeen.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);

        List<DataKey> keys = first.dataKeys().loadDataKeys();
        assertThat(keys).hasSize(2 + 2 * ROTATIONS_PER_INSTANCE);
        assertThat(keys.stream().filter(DataKey::isActive))
                .as("active keys after %d rotations and %d retries after ROTATION_CONFLICT",
                        2 * ROTATIONS_PER_INSTANCE, conflicts)
                .hasSize(1);
        assertThat(Keyring.reconstitute(INSTANCE_KEY, keys).activeKey()).isPresent();
        assertThat(seen).as("number of active keys seen by each read").containsOnlyKeys(1L);
    }

    @Test
    void recordsWrittenWhileOthersRotate_allDecryptWithTheKeyringReloadedAfterwards() throws Exception {
        List<Future<?>> work = new ArrayList<>();
        work.add(threads.submit(() -> rotateRepeatedly(first, ROTATIONS_PER_INSTANCE / 2)));
        work.add(threads.submit(() -> rotateRepeatedly(second, ROTATIONS_PER_INSTANCE / 2)));
        work.add(threads.submit(() -> writeRepeatedly(first, "a")));
        work.add(threads.submit(() -> writeRepeatedly(second, "b")));
        for (Future<?> done : work) {
            done.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }

        Keyring reloaded = Fixtures.reload(second);
        List<String> decrypted = new ArrayList<>();
        Optional<RecordId> after = Optional.empty();
        List<EncryptedRecord> page;
        while (!(page = second.records().loadRecordsAfter(after, 25)).isEmpty()) {
            for (EncryptedRecord record : page) {
                assertThat(record.decryptData(reloaded)).isEqualTo(plaintext(record.id().value()));
                decrypted.add(record.id().value());
            }
            after = Optional.of(page.get(page.size() - 1).id());
        }
        assertThat(decrypted).hasSize(2 * WRITES_PER_INSTANCE).doesNotHaveDuplicates();
        assertThat(second.secrets().countSecretsByKey().values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(2L * WRITES_PER_INSTANCE);
    }

    /** Rotates {@code times} times, retrying after each ROTATION_CONFLICT; returns how many retries it took. */
    private static int rotateRepeatedly(Database database, int times) {
        int conflicts = 0;
        int done = 0;
        while (done < times) {
            try {
                database.transactions().inTransaction(() -> {
                    Keyring current = Keyring.reconstitute(INSTANCE_KEY, database.dataKeys().loadDataKeys());
                    database.dataKeys().saveDataKeys(current.rotate(Instant.now(), RANDOM).changed());
                    return null;
                });
                done++;
            } catch (RekeyException e) {
                if (e.code() != ErrorCode.ROTATION_CONFLICT) {
                    throw e;
                }
                conflicts++;
            }
        }
        return conflicts;
    }

    /** Writes records, each encrypted under whatever key was active when the writer loaded the keys. */
    private static Void writeRepeatedly(Database database, String prefix) {
        for (int i = 0; i < WRITES_PER_INSTANCE; i++) {
            String id = prefix + "-" + i;
            Keyring loaded = Fixtures.reload(database);
            database.records().insertRecord(EncryptedRecord.create(new RecordId(id), "name " + id, "type",
                    plaintext(id), loaded, WriteFormat.ACTIVE_KEY, Instant.now()));
        }
        return null;
    }

    private static String plaintext(String id) {
        return "{\"secret\":\"value of " + id + "\"}";
    }
}
