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
    private static final JsonNode ORACLE = oracle("oracle.json");
    private static final JsonNode EXECUTIONS = oracle("execution-data.json");

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

    /** The documents of execution-data.json as executions 1, 2, ...; returns them by execution id. */
    private java.util.Map<Long, JsonNode> insertN8nExecutions() throws Exception {
        N8nExecutionRows.reset(database);
        java.util.Map<Long, JsonNode> byId = new java.util.LinkedHashMap<>();
        long id = 1;
        for (JsonNode document : EXECUTIONS.path("documents")) {
            N8nExecutionRows.insert(database, id, document.path("data").asText());
            byId.put(id++, document);
        }
        return byId;
    }

    private List<StoredSecret> executionSecrets() {
        return store.secrets().loadSecretsAfter(Optional.empty(), 1000).stream()
                .filter(secret -> secret.location().table().equals("execution_data")).toList();
    }

    @Test
    void executionData_piecesN8nEncrypted_areSecretsNamedByPath_andDecryptToWhatN8nEncrypted() throws Exception {
        java.util.Map<Long, JsonNode> documents = insertN8nExecutions();
        Keyring keyring = keyring();

        List<StoredSecret> secrets = executionSecrets();

        List<SecretLocation> expected = new java.util.ArrayList<>();
        documents.forEach((id, document) -> document.path("pieces").fieldNames().forEachRemaining(path ->
                expected.add(new SecretLocation("execution_data", N8nSecretRepository.numericRowId(id), "data:" + path))));
        assertThat(secrets).extracting(StoredSecret::location).containsExactlyInAnyOrderElementsOf(expected);
        for (StoredSecret secret : secrets) {
            JsonNode piece = documents.get(Long.parseLong(secret.location().rowId())).path("pieces")
                    .path(secret.location().field().substring("data:".length()));
            assertThat(secret.value()).isEqualTo(piece.path("value").asText());
            assertThat(keyring.decrypt(secret.value())).isEqualTo(piece.path("plaintext").asText());
        }
    }

    @Test
    void executionData_aBrokenPiece_isReadAsStored_atItsLocation_soVerifyNamesIt() throws Exception {
        insertN8nExecutions();
        String data = N8nExecutionRows.data(database, 2);
        FlattedJson document = FlattedJson.parse(data).orElseThrow();
        ExecutionDataSecrets.Piece piece = ExecutionDataSecrets.find(document)
                .get("executionData.runtimeData.secureArtifacts");
        String broken = piece.value().substring(0, piece.value().length() - 8) + "AAAAAAA=";
        N8nExecutionRows.update(database, 2, document.withStrings(java.util.Map.of(piece.entry(), broken)));
        Keyring keyring = keyring();

        List<SecretLocation> failing = new java.util.ArrayList<>();
        for (StoredSecret secret : executionSecrets()) {
            try {
                keyring.decrypt(secret.value());
            } catch (RekeyException e) {
                failing.add(secret.location());
            }
        }

        assertThat(failing).containsExactly(new SecretLocation("execution_data", "0000000002",
                "data:executionData.runtimeData.secureArtifacts"));
    }

    @Test
    void executionData_reencryptAndDowngrade_changeOnlyThePieces_byteForByte() throws Exception {
        java.util.Map<Long, JsonNode> documents = insertN8nExecutions();
        Keyring.KeyChange rotation = keyring().rotate(T1, RANDOM);
        store.transactions().inTransaction(() -> {
            store.keys().saveDataKeys(rotation.changed());
            return null;
        });
        Keyring rotated = keyring();
        org.rekey.domain.key.KeyRef target = org.rekey.domain.key.KeyRef.of(rotation.activated().orElseThrow().id());

        for (var step : List.of(java.util.Map.entry(target, org.rekey.domain.key.WriteFormat.ACTIVE_KEY),
                java.util.Map.entry(org.rekey.domain.key.KeyRef.LEGACY, org.rekey.domain.key.WriteFormat.LEGACY))) {
            java.util.Map<Long, String> before = new java.util.HashMap<>();
            for (long id : documents.keySet()) {
                before.put(id, N8nExecutionRows.data(database, id));
            }
            List<SecretRewrite> written = store.transactions().inTransaction(() -> {
                List<StoredSecret> claimed = store.secrets().claimSecretsNotOn(step.getKey(), Optional.empty(), 1000)
                        .stream().filter(s -> s.location().table().equals("execution_data")).toList();
                return store.secrets().rewriteSecrets(claimed.stream().map(s -> new SecretRewrite(s,
                        rotated.encrypt(rotated.decrypt(s.value()), step.getValue()))).toList());
            });

            assertThat(written).isNotEmpty();
            for (long id : documents.keySet()) {
                String after = N8nExecutionRows.data(database, id);
                FlattedJson was = FlattedJson.parse(before.get(id)).orElseThrow();
                java.util.Map<Integer, String> oldStrings = new java.util.HashMap<>();
                ExecutionDataSecrets.find(was).values().forEach(p -> oldStrings.put(p.entry(), p.value()));
                assertThat(FlattedJson.parse(after).orElseThrow().withStrings(oldStrings)).isEqualTo(before.get(id));
            }
            for (StoredSecret secret : executionSecrets()) {
                JsonNode piece = documents.get(Long.parseLong(secret.location().rowId())).path("pieces")
                        .path(secret.location().field().substring("data:".length()));
                assertThat(rotated.decrypt(secret.value())).isEqualTo(piece.path("plaintext").asText());
                assertThat(org.rekey.domain.key.StoredValue.parse(secret.value()).keyRef()).isEqualTo(step.getKey());
            }
        }
    }

    @Test
    void executionData_changedByN8nMeanwhile_keepsEverythingN8nWrote_andAPieceN8nReplacedIsNotWritten() throws Exception {
        insertN8nExecutions();
        Keyring keyring = keyring();
        List<StoredSecret> read = executionSecrets().stream()
                .filter(s -> s.location().rowId().equals("0000000001")).toList();
        StoredSecret credentials = read.get(0);
        StoredSecret artifacts = read.get(1);
        FlattedJson current = FlattedJson.parse(N8nExecutionRows.data(database, 1)).orElseThrow();
        var pieces = ExecutionDataSecrets.find(current);
        String byN8nPiece = keyring.encrypt("{\"version\":1,\"identity\":\"rebound\"}",
                org.rekey.domain.key.WriteFormat.ACTIVE_KEY);
        String byN8n = current.withStrings(java.util.Map.of(
                pieces.get("executionData.runtimeData.credentials").entry(), byN8nPiece))
                .replace("\"no secret here\"", "\"n8n wrote this meanwhile\"");
        N8nExecutionRows.update(database, 1, byN8n);
        List<SecretRewrite> rewrites = read.stream().map(s -> new SecretRewrite(s, keyring.encrypt(
                keyring.decrypt(s.value()), org.rekey.domain.key.WriteFormat.LEGACY))).toList();

        List<SecretRewrite> written = store.transactions().inTransaction(() -> store.secrets().rewriteSecrets(rewrites));

        assertThat(read).extracting(s -> s.location().field()).containsExactly(N8nExecutionRows.CREDENTIALS,
                N8nExecutionRows.SECURE_ARTIFACTS);
        assertThat(written).extracting(SecretRewrite::location).containsExactly(artifacts.location());
        FlattedJson after = FlattedJson.parse(N8nExecutionRows.data(database, 1)).orElseThrow();
        assertThat(ExecutionDataSecrets.find(after).get("executionData.runtimeData.credentials").value())
                .isEqualTo(byN8nPiece).isNotEqualTo(credentials.value());
        assertThat(after.withStrings(java.util.Map.of(pieces.get("executionData.runtimeData.secureArtifacts").entry(),
                artifacts.value()))).isEqualTo(byN8n);
    }

    @Test
    void executionData_backupKeepsTheRowsWithPieces_andRestorePutsThemBack() throws Exception {
        insertN8nExecutions();
        N8nExecutionRows.insert(database, 99, N8nExecutionRows.document(java.util.Map.of()));
        String before = N8nExecutionRows.data(database, 3);
        Backup taken = new N8nBackups(store, backups, Optional.empty(), Clock.fixed(T1, ZoneOffset.UTC))
                .backUp("reencrypt").orElseThrow();
        N8nExecutionRows.update(database, 3, "[{\"changed\":\"1\"},\"yes\"]");

        new N8nBackups(store, backups, Optional.empty(), Clock.systemUTC()).restore(taken.path());

        assertThat(N8nExecutionRows.data(database, 3)).isEqualTo(before);
        String file = Files.readString(Path.of(taken.path()));
        JsonNode rows = new ObjectMapper().readTree(file).path("rows");
        List<String> executionIds = new java.util.ArrayList<>();
        rows.forEach(row -> {
            if (row.path("table").asText().equals("execution_data")) {
                executionIds.add(row.path("key").path("executionId").asText());
            }
        });
        assertThat(executionIds).containsExactlyInAnyOrder("1", "2", "3", "4");
    }

    @Test
    void executionData_manyRows_arePagedInExecutionIdOrder_pastPagesWithoutPieces() throws Exception {
        N8nExecutionRows.reset(database);
        Keyring keyring = keyring();
        List<SecretLocation> expected = new java.util.ArrayList<>();
        for (long id = 1; id <= 130; id++) {
            java.util.Map<String, String> pieces = new java.util.LinkedHashMap<>();
            if (id % 9 == 0) {
                pieces.put(N8nExecutionRows.CREDENTIALS, keyring.encrypt("c" + id, org.rekey.domain.key.WriteFormat.ACTIVE_KEY));
                pieces.put(N8nExecutionRows.CHAT_METADATA, keyring.encrypt("m" + id, org.rekey.domain.key.WriteFormat.LEGACY));
                expected.add(new SecretLocation("execution_data", N8nSecretRepository.numericRowId(id), N8nExecutionRows.CREDENTIALS));
                expected.add(new SecretLocation("execution_data", N8nSecretRepository.numericRowId(id), N8nExecutionRows.CHAT_METADATA));
            }
            N8nExecutionRows.insert(database, id, N8nExecutionRows.document(pieces));
        }

        List<SecretLocation> visited = new java.util.ArrayList<>();
        Optional<SecretLocation> after = Optional.empty();
        List<StoredSecret> page;
        while (!(page = store.secrets().loadSecretsAfter(after, 3)).isEmpty()) {
            page.stream().map(StoredSecret::location).filter(l -> l.table().equals("execution_data")).forEach(visited::add);
            after = Optional.of(page.get(page.size() - 1).location());
        }

        expected.sort(null);
        assertThat(visited).containsExactlyElementsOf(expected);
        assertThat(visited.get(visited.size() - 1).rowId()).isEqualTo("0000000126");
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

    private static JsonNode oracle(String name) {
        try {
            return new ObjectMapper().readTree(N8nTestDatabase.fixture(name));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
