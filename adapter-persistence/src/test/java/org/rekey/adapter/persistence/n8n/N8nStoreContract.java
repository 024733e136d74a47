package org.rekey.adapter.persistence.n8n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rekey.application.error.ApplicationErrorCode;
import org.rekey.application.port.out.BackupPort.Backup;
import org.rekey.application.port.out.SecretLocation;
import org.rekey.application.port.out.SecretRewrite;
import org.rekey.application.port.out.StoredSecret;
import org.rekey.domain.error.ErrorCode;
import org.rekey.domain.error.RekeyException;
import org.rekey.domain.key.DataKey;
import org.rekey.domain.key.InstanceKey;
import org.rekey.domain.key.KeyStatus;
import org.rekey.domain.key.Keyring;
import org.rekey.domain.record.EncryptedRecord;
import org.rekey.domain.record.RecordId;

/**
 * What only n8n's store does, on a fresh n8n 2.41 database holding rows made by n8n-core's own cipher
 * (src/test/resources/n8n/oracle.json): n8n's keys read as a keyring, rotation under n8n's partial unique
 * index, refusals where a write would break n8n, wrapped secrets, backups and restore, the schema check.
 */
abstract class N8nStoreContract {

    private static final Instant T1 = Instant.parse("2026-12-01T09:00:00.123Z");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final JsonNode ORACLE = oracle();

    private static final List<String> TABLES = List.of("deployment_key", "credentials_entity", "user", "settings");

    protected N8nTestDatabase database;
    private N8nStore store;
    private Path backups;

    /** A fresh n8n database; {@link #database()} is opened once per test class. */
    protected abstract N8nTestDatabase openDatabase() throws Exception;

    /** This class's database, emptied of the rows rekey touches before each test. */
    protected abstract N8nTestDatabase database() throws Exception;

    @BeforeEach
    void openStore() throws Exception {
        database = database();
        for (String table : TABLES) {
            database.execute("DELETE FROM " + database.table(table));
        }
        for (JsonNode row : ORACLE.path("deploymentKeys")) {
            database.update("INSERT INTO " + database.table("deployment_key") + " (\"id\", \"type\", \"value\","
                    + " \"algorithm\", \"status\") VALUES (?, ?, ?, ?, ?)", row.path("id").asText(),
                    row.path("type").asText(), row.path("value").asText(),
                    row.path("algorithm").isNull() ? null : row.path("algorithm").asText(), row.path("status").asText());
        }
        int i = 0;
        for (JsonNode value : ORACLE.path("values")) {
            for (String format : List.of("legacy", "gcm")) {
                database.update("INSERT INTO " + database.table("credentials_entity") + " (\"id\", \"name\","
                        + " \"type\", \"data\") VALUES (?, ?, 'httpBasicAuth', ?)", "cred" + i++,
                        value.path("name").asText() + "-" + format, value.path(format).asText());
            }
        }
        store = N8nStore.open(database.settings());
        backups = N8nTestDatabase.tempFolder().resolve("backups");
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    private Keyring keyring() {
        return Keyring.reconstitute(InstanceKey.of(ORACLE.path("instanceKey").asText()), store.keys().loadDataKeys());
    }

    @Test
    void keysWrappedByN8n_formAKeyring_thatDecryptsEveryValueN8nWrote() {
        Keyring keyring = keyring();

        assertThat(keyring.activeKey().orElseThrow().id().value()).isEqualTo("OracleDataKey001");
        int i = 0;
        for (JsonNode value : ORACLE.path("values")) {
            for (String format : List.of("legacy", "gcm")) {
                EncryptedRecord record = store.credentials().loadRecord(new RecordId("cred" + i++)).orElseThrow();
                assertThat(record.decryptData(keyring)).isEqualTo(value.path("plaintext").asText());
            }
        }
    }

    @Test
    void rotation_demotesTheActiveKeyAndInsertsTheNewOne_underN8nsOneActiveKeyIndex() throws Exception {
        Keyring.KeyChange rotation = keyring().rotate(T1, RANDOM);

        store.transactions().inTransaction(() -> {
            store.keys().saveDataKeys(rotation.changed());
            return null;
        });

        Keyring reloaded = keyring();
        assertThat(reloaded.activeKey().orElseThrow().id()).isEqualTo(rotation.activated().orElseThrow().id());
        assertThat(reloaded.key(new org.rekey.domain.key.DataKeyId("OracleDataKey001")).status())
                .isEqualTo(KeyStatus.INACTIVE);
        assertThat(database.queryText("SELECT COUNT(*) FROM " + database.table("deployment_key")
                + " WHERE \"type\" = 'data_encryption' AND \"status\" = 'active'")).isEqualTo("1");
    }

    @Test
    void aSecondActiveKey_isARotationConflict_andNothingIsSaved() {
        Keyring.KeyChange rotation = keyring().rotate(T1, RANDOM);
        DataKey created = rotation.activated().orElseThrow();

        assertThatThrownBy(() -> store.transactions().inTransaction(() -> {
            store.keys().saveDataKeys(List.of(created));
            return null;
        })).isInstanceOfSatisfying(RekeyException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.ROTATION_CONFLICT));

        assertThat(store.keys().loadDataKeys()).hasSize(2);
    }

    @Test
    void destroyingAKey_isRefused_becauseN8nNeverDeletesKeyRows() {
        Keyring rotated = keyring().rotate(T1, RANDOM).keyring();
        DataKey old = rotated.key(new org.rekey.domain.key.DataKeyId("OracleDataKey001"));
        List<DataKey> tombstone = rotated.destroy(old.id(), T1).changed();

        assertThatThrownBy(() -> store.keys().saveDataKeys(tombstone)).isInstanceOfSatisfying(RekeyException.class,
                e -> assertThat(e.code()).isEqualTo(ApplicationErrorCode.NOT_SUPPORTED));
    }

    @Test
    void credentials_areReadOnly_forN8nOwnsThem() {
        EncryptedRecord record = store.credentials().loadRecord(new RecordId("cred0")).orElseThrow();

        assertThatThrownBy(() -> store.credentials().deleteRecord(record.id()))
                .isInstanceOfSatisfying(RekeyException.class, e -> assertThat(e.code()).isEqualTo(ApplicationErrorCode.NOT_SUPPORTED));
        assertThat(store.credentials().countRecords()).isEqualTo(2L * ORACLE.path("values").size());
    }

    @Test
    void wrappedSecrets_areTheOtherKeyRowsWithAnAlgorithm_andRewrapIsACompareAndSet() throws Exception {
        InstanceKey key = InstanceKey.of(ORACLE.path("instanceKey").asText());
        InstanceKey next = InstanceKey.of("the-next-instance-key");
        List<String> wrappedByN8n = new java.util.ArrayList<>();
        for (JsonNode row : ORACLE.path("deploymentKeys")) {
            if (!row.path("type").asText().equals("data_encryption") && !row.path("algorithm").isNull()) {
                wrappedByN8n.add(row.path("id").asText());
            }
        }

        List<StoredSecret> wrapped = store.keys().loadWrappedSecrets();
        assertThat(wrapped).extracting(secret -> secret.location().rowId()).containsExactlyInAnyOrderElementsOf(wrappedByN8n)
                .isNotEmpty();
        StoredSecret first = wrapped.get(0);
        SecretRewrite rewrite = new SecretRewrite(first, key.reprotect(first.value(), next, "a signing key"));
        SecretRewrite stale = new SecretRewrite(new StoredSecret(first.location(), "changed meanwhile"), "x");

        List<SecretRewrite> written = store.transactions().inTransaction(
                () -> store.keys().rewrapSecrets(List.of(stale, rewrite)));

        assertThat(written).containsExactly(rewrite);
        assertThat(database.queryText("SELECT \"value\" FROM " + database.table("deployment_key")
                + " WHERE \"id\" = ?", first.location().rowId())).isEqualTo(rewrite.newValue());
    }

    @Test
    void backup_isPrivate_andRestorePutsEveryRowBack() throws Exception {
        N8nBackups backup = new N8nBackups(store, backups, Optional.empty(), Clock.fixed(T1, ZoneOffset.UTC));
        Backup taken = backup.backUp("reencrypt").orElseThrow();
        String before = database.queryText("SELECT \"data\" FROM " + database.table("credentials_entity")
                + " WHERE \"id\" = 'cred1'");
        database.update("UPDATE " + database.table("credentials_entity") + " SET \"data\" = 'changed' WHERE \"id\" = 'cred1'");
        Keyring.KeyChange rotation = keyring().rotate(T1, RANDOM);
        store.transactions().inTransaction(() -> {
            store.keys().saveDataKeys(rotation.changed());
            return null;
        });

        var restored = new N8nBackups(store, backups, Optional.empty(), Clock.systemUTC()).restore(taken.path());

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(Path.of(taken.path()))))
                .isEqualTo("rw-------");
        assertThat(restored.rows()).isEqualTo(taken.rows());
        assertThat(restored.before().path()).isNotEqualTo(taken.path());
        assertThat(database.queryText("SELECT \"data\" FROM " + database.table("credentials_entity")
                + " WHERE \"id\" = 'cred1'")).isEqualTo(before);
        assertThat(keyring().activeKey().orElseThrow().id().value()).isEqualTo("OracleDataKey001");
        assertThat(database.queryText("SELECT COUNT(*) FROM " + database.table("deployment_key")
                + " WHERE \"type\" = 'data_encryption' AND \"status\" = 'active'")).isEqualTo("1");
    }

    @Test
    void restore_ofAnotherInstancesBackup_isRefused_andChangesNothing() throws Exception {
        Backup taken = new N8nBackups(store, backups, Optional.empty(), Clock.systemUTC()).backUp("reencrypt").orElseThrow();
        database.update("UPDATE " + database.table("deployment_key") + " SET \"value\" = 'another-instance'"
                + " WHERE \"type\" = 'instance.id'");
        database.update("UPDATE " + database.table("credentials_entity") + " SET \"data\" = 'changed' WHERE \"id\" = 'cred1'");

        assertThatThrownBy(() -> new N8nBackups(store, backups, Optional.empty(), Clock.systemUTC()).restore(taken.path()))
                .isInstanceOfSatisfying(RekeyException.class, e -> {
                    assertThat(e.code()).isEqualTo(ApplicationErrorCode.BACKUP_MISMATCH);
                    assertThat(e.getMessage()).contains("another n8n instance");
                });
        assertThat(database.queryText("SELECT \"data\" FROM " + database.table("credentials_entity")
                + " WHERE \"id\" = 'cred1'")).isEqualTo("changed");
    }

    @Test
    void aSchemaWithoutAColumnRekeyNeeds_isRefused_namingIt() throws Exception {
        N8nTestDatabase older = openDatabase();
        older.execute("ALTER TABLE " + older.table("user") + " DROP COLUMN \"mfaRecoveryCodes\"");

        assertThatThrownBy(() -> N8nStore.open(older.settings()).close())
                .isInstanceOfSatisfying(RekeyException.class, e -> {
                    assertThat(e.code()).isEqualTo(ApplicationErrorCode.SCHEMA_MISMATCH);
                    assertThat(e.getMessage()).contains("user.mfaRecoveryCodes", "n8n 2.41");
                });
    }

    private static JsonNode oracle() {
        try {
            return new ObjectMapper().readTree(N8nTestDatabase.fixture("oracle.json"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
