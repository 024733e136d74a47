package org.rekey.application.service.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rekey.application.testing.Fixtures.OPERATOR;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rekey.application.port.in.credential.CreateCredentialCommand;
import org.rekey.application.port.in.maintenance.BatchCommand;
import org.rekey.application.port.in.maintenance.BatchReport;
import org.rekey.application.port.in.maintenance.ProgressListener;
import org.rekey.application.port.in.maintenance.VerifyReport;
import org.rekey.application.testing.Fixtures;
import org.rekey.application.testing.InMemoryStore;
import org.rekey.application.testing.TestServices;
import org.rekey.domain.key.DataKey;
import org.rekey.domain.key.DataKeyId;
import org.rekey.domain.key.InstanceKey;
import org.rekey.domain.key.KeyAlgorithm;
import org.rekey.domain.key.KeyRef;
import org.rekey.domain.key.WriteFormat;
import org.rekey.domain.record.EncryptedRecord;

/** Rollback to the legacy format: afterwards an old n8n, or plain OpenSSL, reads every record. */
class DowngradeToLegacyTest {

    private final InMemoryStore store = new InMemoryStore();
    private final TestServices rekey = TestServices.builder().store(store).build();
    private final Map<String, String> plaintexts = new LinkedHashMap<>();

    @AfterEach
    void close() {
        rekey.close();
    }

    @Test
    void downgrade_leavesEveryValueWithoutAKeyId_decryptableWithTheInstanceKeyAlone() {
        String firstKey = create("a");
        create("b");
        String secondKey = rekey.keys().rotateDataKey().rotateDataKey(OPERATOR).id();
        create("c");
        String legacyRow = legacyRowId();
        InstanceKey instanceKey = InstanceKey.of(TestServices.DEFAULT_INSTANCE_KEY);
        store.insertRecord(Fixtures.raw("keyedcbc",
                legacyRow + ":" + instanceKey.encryptLegacy("{\"via\":\"legacy row\"}")));
        plaintexts.put("keyedcbc", "{\"via\":\"legacy row\"}");
        store.insertRecord(Fixtures.record("plain", "{\"already\":\"legacy\"}", rekey.keyring().current(),
                WriteFormat.LEGACY, 0));
        plaintexts.put("plain", "{\"already\":\"legacy\"}");

        BatchReport report = rekey.maintenance().downgradeToLegacy().downgradeToLegacy(new BatchCommand(2, false),
                ProgressListener.NONE, OPERATOR);

        assertThat(report.target()).isEqualTo(KeyRef.LEGACY);
        assertThat(report.pendingByKey()).isEqualTo(Map.of(key(firstKey), 2L, key(secondKey), 1L, key(legacyRow), 1L));
        assertThat(report.moved()).isEqualTo(4);
        List<EncryptedRecord> all = store.loadRecordsAfter(Optional.empty(), 100);
        assertThat(all).hasSize(5);
        for (EncryptedRecord record : all) {
            assertThat(record.keyId()).as("record %s", record.id()).isEmpty();
            assertThat(instanceKey.decryptLegacy(record.data())).isEqualTo(plaintexts.get(record.id().value()));
        }
    }

    @Test
    void downgrade_thenRotationOff_readsEverything() {
        create("a");
        rekey.maintenance().downgradeToLegacy().downgradeToLegacy(Fixtures.defaultBatch(), ProgressListener.NONE, OPERATOR);

        try (TestServices off = TestServices.builder().store(store).rotationEnabled(false).build()) {
            VerifyReport report = off.maintenance().verifyRecords().verifyRecords(ProgressListener.NONE);
            assertThat(report.recordsByKey()).isEqualTo(Map.of(KeyRef.LEGACY, 1L));
            assertThat(report.failures()).isEmpty();
        }
    }

    @Test
    void downgrade_dryRun_changesNothing() {
        String key = create("a");
        List<EncryptedRecord> before = store.loadRecordsAfter(Optional.empty(), 100);

        BatchReport report = rekey.maintenance().downgradeToLegacy().downgradeToLegacy(new BatchCommand(10, true),
                ProgressListener.NONE, OPERATOR);

        assertThat(report.pendingByKey()).isEqualTo(Map.of(key(key), 1L));
        assertThat(store.loadRecordsAfter(Optional.empty(), 100)).isEqualTo(before);
    }

    private static KeyRef key(String id) {
        return KeyRef.of(new DataKeyId(id));
    }

    private String create(String name) {
        String json = "{\"name\":\"" + name + "\"}";
        var view = rekey.credentials().createCredential().createCredential(new CreateCredentialCommand(name, "t", json));
        plaintexts.put(view.id(), json);
        return view.keyId().orElseThrow();
    }

    private String legacyRowId() {
        return store.loadDataKeys().stream().filter(k -> k.algorithm() == KeyAlgorithm.AES_256_CBC)
                .map(DataKey::id).findFirst().orElseThrow().value();
    }
}
