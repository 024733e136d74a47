package org.rekey.application.service.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rekey.application.testing.Fixtures.OPERATOR;
import static org.rekey.domain.error.RekeyAssertions.assertRejected;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rekey.application.port.in.credential.CreateCredentialCommand;
import org.rekey.application.port.in.maintenance.ChangeInstanceKeyCommand;
import org.rekey.application.port.in.maintenance.InstanceKeyChange;
import org.rekey.application.port.in.maintenance.ProgressListener;
import org.rekey.application.port.out.SecretLocation;
import org.rekey.application.testing.Fixtures;
import org.rekey.application.testing.InMemoryInstanceKeySources;
import org.rekey.application.testing.InMemoryStore;
import org.rekey.application.testing.TestServices;
import org.rekey.domain.error.ErrorCode;
import org.rekey.domain.key.DataKey;
import org.rekey.domain.key.InstanceKey;
import org.rekey.domain.key.KeyAlgorithm;
import org.rekey.domain.key.KeyRef;
import org.rekey.domain.key.Keyring;
import org.rekey.domain.key.WriteFormat;
import org.rekey.domain.record.EncryptedRecord;
import org.rekey.domain.record.RecordId;

/** Replacing the instance key: every data key re-wrapped, no record left depending on the old key. */
class ChangeInstanceKeyTest {

    private static final String OLD = "the-old-instance-key";
    private static final String NEW = "the-new-instance-key";

    private final InMemoryStore store = new InMemoryStore();
    private final Map<String, String> plaintexts = new LinkedHashMap<>();
    private TestServices rekey;

    @AfterEach
    void close() {
        if (rekey != null) {
            rekey.close();
        }
    }

    @Test
    void change_rewrapsEveryKey_soOnlyTheNewKeyReadsTheRecords() {
        TestServices api = start(new InMemoryInstanceKeySources().setConfigFile(OLD));

        InstanceKeyChange change = api.maintenance().changeInstanceKey().changeInstanceKey(
                new ChangeInstanceKeyCommand(InstanceKey.of(NEW), 2, false), ProgressListener.NONE, OPERATOR);

        assertThat(change.keysRewrapped()).isEqualTo(3);
        List<DataKey> keys = store.loadDataKeys();
        Keyring withNewKey = Keyring.reconstitute(InstanceKey.of(NEW), keys);
        for (EncryptedRecord record : store.loadRecordsAfter(Optional.empty(), 100)) {
            assertThat(withNewKey.decrypt(record.data())).as("record %s", record.id())
                    .isEqualTo(plaintexts.get(record.id().value()));
        }
        assertThat(store.countSecretsByKey()).as("no legacy record depends on the old key")
                .doesNotContainKey(KeyRef.LEGACY);
        assertRejected(ErrorCode.WRONG_INSTANCE_KEY, () -> Keyring.reconstitute(InstanceKey.of(OLD), keys));
        for (String id : plaintexts.keySet()) {
            assertThat(api.credentials().getCredential().getCredential(new RecordId(id), true).data())
                    .as("this instance switched to the new key").contains(plaintexts.get(id));
        }
    }

    @Test
    void change_keyKeptInTheConfigFile_savesTheNewKeyThere_soTheNextStartUsesIt() {
        InMemoryInstanceKeySources sources = new InMemoryInstanceKeySources().setConfigFile(OLD);
        TestServices api = start(sources);

        InstanceKeyChange change = api.maintenance().changeInstanceKey().changeInstanceKey(
                new ChangeInstanceKeyCommand(InstanceKey.of(NEW), 100, false), ProgressListener.NONE, OPERATOR);

        assertThat(change.configFileUpdated()).isTrue();
        assertThat(sources.configFileSaves()).containsExactly(NEW);
        assertThat(change.nextStep()).contains(InMemoryInstanceKeySources.CONFIG_FILE).doesNotContain(NEW);
        try (TestServices restarted = TestServices.builder().store(store).sources(sources).build()) {
            assertThat(restarted.maintenance().verifyRecords().verifyRecords(ProgressListener.NONE).failures()).isEmpty();
        }
        assertRejected(ErrorCode.WRONG_INSTANCE_KEY,
                () -> TestServices.builder().store(store).instanceKey(OLD).build());
    }

    @Test
    void change_keyGivenInTheEnvironment_leavesTheConfigFileAlone_andSaysWhatToSet() {
        InMemoryInstanceKeySources sources = InMemoryInstanceKeySources.withEnvironment(OLD);
        TestServices api = start(sources);

        InstanceKeyChange change = api.maintenance().changeInstanceKey().changeInstanceKey(
                new ChangeInstanceKeyCommand(InstanceKey.of(NEW), 100, false), ProgressListener.NONE, OPERATOR);

        assertThat(change.configFileUpdated()).isFalse();
        assertThat(sources.configFileSaves()).isEmpty();
        assertThat(sources.fromConfigFile()).isEmpty();
        assertThat(change.nextStep()).contains("N8N_ENCRYPTION_KEY").doesNotContain(NEW);
        try (TestServices restarted = TestServices.builder().store(store).instanceKey(NEW).build()) {
            assertThat(restarted.maintenance().verifyRecords().verifyRecords(ProgressListener.NONE).failures()).isEmpty();
        }
    }

    /**
     * A deployment that first ran without N8N_ENCRYPTION_KEY has the generated key in its config file; operators
     * then set the same key in the environment. Following the change's next step (set the environment to the
     * new key and restart) must work, not stop on "environment and config file differ".
     */
    @Test
    void change_keyInBothEnvironmentAndConfigFile_letsTheInstanceRestartWithTheNewKeyInTheEnvironment() {
        InMemoryInstanceKeySources sources = InMemoryInstanceKeySources.withEnvironment(OLD).setConfigFile(OLD);
        TestServices api = start(sources);

        api.maintenance().changeInstanceKey().changeInstanceKey(new ChangeInstanceKeyCommand(InstanceKey.of(NEW), 100, false),
                ProgressListener.NONE, OPERATOR);
        sources.setEnvironment(NEW);

        try (TestServices restarted = TestServices.builder().store(store).sources(sources).build()) {
            assertThat(restarted.maintenance().verifyRecords().verifyRecords(ProgressListener.NONE).failures()).isEmpty();
        }
    }

    @Test
    void change_toTheKeyInUse_isRefused_andChangesNothing() {
        InMemoryInstanceKeySources sources = new InMemoryInstanceKeySources().setConfigFile(OLD);
        TestServices api = start(sources);
        List<DataKey> before = store.loadDataKeys();
        List<EncryptedRecord> records = store.loadRecordsAfter(Optional.empty(), 100);

        assertRejected(ErrorCode.INVALID_INPUT, () -> api.maintenance().changeInstanceKey().changeInstanceKey(
                new ChangeInstanceKeyCommand(InstanceKey.of(OLD), 100, false), ProgressListener.NONE, OPERATOR));

        assertThat(store.loadDataKeys()).containsExactlyInAnyOrderElementsOf(before);
        assertThat(store.loadRecordsAfter(Optional.empty(), 100)).isEqualTo(records);
        assertThat(sources.configFileSaves()).isEmpty();
    }

    @Test
    void change_withRotationOff_butADataKey_movesEveryRecordAndLegacyWritesUseTheNewKey() {
        start(InMemoryInstanceKeySources.withEnvironment(OLD));
        try (TestServices off = TestServices.builder().store(store).instanceKey(OLD).rotationEnabled(false).build()) {
            off.maintenance().changeInstanceKey().changeInstanceKey(
                    new ChangeInstanceKeyCommand(InstanceKey.of(NEW), 100, false), ProgressListener.NONE, OPERATOR);

            Keyring withNewKey = Keyring.reconstitute(InstanceKey.of(NEW), store.loadDataKeys());
            for (EncryptedRecord record : store.loadRecordsAfter(Optional.empty(), 100)) {
                assertThat(withNewKey.decrypt(record.data())).isEqualTo(plaintexts.get(record.id().value()));
            }
            String written = off.credentials().createCredential().createCredential(
                    new CreateCredentialCommand("n", "t", "{\"f\":\"after\"}")).id();
            String data = store.loadRecord(new RecordId(written)).orElseThrow().data();
            assertThat(InstanceKey.of(NEW).decryptLegacy(data)).isEqualTo("{\"f\":\"after\"}");
        }
    }

    @Test
    void change_withNoDataKeyAtAll_isRotationDisabled_andChangesNothing() {
        try (TestServices off = TestServices.builder().store(store).instanceKey(OLD).rotationEnabled(false).build()) {
            store.insertRecord(Fixtures.record("legacy", "{}", off.keyring().current(), WriteFormat.LEGACY, 0));
            List<EncryptedRecord> before = store.loadRecordsAfter(Optional.empty(), 100);

            assertRejected(ErrorCode.ROTATION_DISABLED, () -> off.maintenance().changeInstanceKey().changeInstanceKey(
                    new ChangeInstanceKeyCommand(InstanceKey.of(NEW), 100, false), ProgressListener.NONE, OPERATOR));

            assertThat(store.loadDataKeys()).isEmpty();
            assertThat(store.loadRecordsAfter(Optional.empty(), 100)).isEqualTo(before);
        }
    }

    @Test
    void change_reprotectsEverySecretKeptUnderTheInstanceKey_afterOneBackupOfEverything() {
        start(new InMemoryInstanceKeySources().setConfigFile(OLD));
        SecretLocation hmac = new SecretLocation("deployment_key", "hmac1", "value");
        SecretLocation jwe = new SecretLocation("deployment_key", "jwe1", "value");
        InstanceKey old = InstanceKey.of(OLD);
        String wrappedHmac = Keyring.reconstitute(old, store.loadDataKeys()).keys().get(0).wrappedValue();
        store.putWrappedSecret(hmac, wrappedHmac);
        store.putWrappedSecret(jwe, old.encryptLegacy("{\"kty\":\"RSA\"}"));
        int backupsBefore = store.backupsAskedFor().size();

        InstanceKeyChange change = rekey.maintenance().changeInstanceKey().changeInstanceKey(
                new ChangeInstanceKeyCommand(InstanceKey.of(NEW), 100, false), ProgressListener.NONE, OPERATOR);

        assertThat(change.keysRewrapped()).isEqualTo(5);
        InstanceKey next = InstanceKey.of(NEW);
        assertThat(next.decryptLegacy(store.wrappedSecrets().get(jwe))).isEqualTo("{\"kty\":\"RSA\"}");
        assertThat(next.reprotect(store.wrappedSecrets().get(hmac), next, "check")).isNotEmpty();
        assertThat(store.backupsAskedFor().subList(backupsBefore, store.backupsAskedFor().size()))
                .as("one backup, before the first write").containsExactly("instance-key-change");
    }

    @Test
    void change_withARecordThatDoesNotDecrypt_stopsBeforeAnyKeyIsRewrapped() {
        InMemoryInstanceKeySources sources = new InMemoryInstanceKeySources().setConfigFile(OLD);
        TestServices api = start(sources);
        store.insertRecord(Fixtures.raw("corrupt", Keyring.empty(InstanceKey.of("elsewhere"))
                .encrypt("{}", WriteFormat.LEGACY)));
        List<DataKey> before = store.loadDataKeys();

        assertRejected(ErrorCode.DECRYPTION_FAILED, () -> api.maintenance().changeInstanceKey().changeInstanceKey(
                new ChangeInstanceKeyCommand(InstanceKey.of(NEW), 100, false), ProgressListener.NONE, OPERATOR));

        assertThat(store.loadDataKeys()).containsExactlyInAnyOrderElementsOf(before);
        assertThat(sources.configFileSaves()).isEmpty();
        assertThat(rekey.instanceKey().sameAs(InstanceKey.of(OLD))).isTrue();
    }

    /**
     * Starts an instance with {@code sources} and writes: one legacy record, one on the first key, one on the
     * legacy row (keyed CBC), then rotates and writes one on the new key.
     */
    private TestServices start(InMemoryInstanceKeySources sources) {
        rekey = TestServices.builder().store(store).sources(sources).build();
        TestServices api = rekey;
        Keyring keyring = rekey.keyring().current();
        store.insertRecord(Fixtures.record("legacy", "{\"f\":\"legacy\"}", keyring, WriteFormat.LEGACY, 0));
        plaintexts.put("legacy", "{\"f\":\"legacy\"}");
        String legacyRow = keyring.keys().stream().filter(k -> k.algorithm() == KeyAlgorithm.AES_256_CBC)
                .findFirst().orElseThrow().id().value();
        store.insertRecord(Fixtures.raw("keyedcbc",
                legacyRow + ":" + keyring.instanceKey().encryptLegacy("{\"f\":\"keyed cbc\"}")));
        plaintexts.put("keyedcbc", "{\"f\":\"keyed cbc\"}");
        create(api, "{\"f\":\"first key\"}");
        api.keys().rotateDataKey().rotateDataKey(OPERATOR);
        create(api, "{\"f\":\"second key\"}");
        return api;
    }

    private void create(TestServices api, String json) {
        plaintexts.put(api.credentials().createCredential().createCredential(new CreateCredentialCommand("n", "t", json)).id(), json);
    }
}
