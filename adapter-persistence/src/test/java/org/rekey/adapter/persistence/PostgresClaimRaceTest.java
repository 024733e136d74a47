package org.rekey.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rekey.adapter.persistence.Fixtures.T0;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rekey.domain.key.DataKeyId;
import org.rekey.domain.key.Keyring;
import org.rekey.domain.key.WriteFormat;
import org.rekey.domain.record.EncryptedRecord;

/** Two instances claiming batches for re-encryption at once, with {@code FOR UPDATE SKIP LOCKED}. */
class PostgresClaimRaceTest {

    @RegisterExtension
    static final PostgresTestSchema POSTGRES = new PostgresTestSchema(4);

    private static final int RECORDS = 150;
    private static final int BATCH = 7;

    @Test
    void twoClaimersAtOnce_neverGetTheSameRecord_andTogetherMoveEveryRecord() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (Database first = Database.open(POSTGRES.settings()); Database second = Database.open(POSTGRES.settings())) {
            Keyring keyring = Fixtures.seedInto(first, T0);
            first.transactions().inTransaction(() -> {
                for (int i = 0; i < RECORDS; i++) {
                    first.records().insertRecord(Fixtures.record(String.format("r%03d", i), keyring, WriteFormat.LEGACY, T0));
                }
                return null;
            });
            DataKeyId target = keyring.activeKey().orElseThrow().id();

            Future<List<String>> claimedByFirst = threads.submit(() -> moveAll(first, keyring, target));
            Future<List<String>> claimedBySecond = threads.submit(() -> moveAll(second, keyring, target));
            List<String> all = new ArrayList<>(claimedByFirst.get(60, TimeUnit.SECONDS));
            all.addAll(claimedBySecond.get(60, TimeUnit.SECONDS));

            assertThat(all).hasSize(RECORDS).doesNotHaveDuplicates();
            assertThat(first.records().countRecordsUsing(target)).isEqualTo(RECORDS);
            for (EncryptedRecord record : first.records().loadRecordsAfter(Optional.empty(), RECORDS)) {
                assertThat(record.decryptData(keyring)).isEqualTo(Fixtures.plaintextOf(record.id().value()));
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /** Claims and re-encrypts batches until nothing is left to claim; returns the ids it claimed. */
    private static List<String> moveAll(Database database, Keyring keyring, DataKeyId target) {
        List<String> claimed = new ArrayList<>();
        while (true) {
            List<String> batch = database.transactions().inTransaction(() -> {
                List<EncryptedRecord> records = database.records().claimRecordsNotOn(Optional.of(target),
                        Optional.empty(), BATCH);
                records.forEach(r -> database.records().updateRecord(r.reencrypt(keyring, WriteFormat.ACTIVE_KEY)));
                return Fixtures.ids(records);
            });
            if (batch.isEmpty()) {
                return claimed;
            }
            claimed.addAll(batch);
        }
    }
}
