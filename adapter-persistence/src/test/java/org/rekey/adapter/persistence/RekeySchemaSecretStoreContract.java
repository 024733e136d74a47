package org.rekey.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rekey.adapter.persistence.Fixtures.T0;
import static org.rekey.adapter.persistence.Fixtures.record;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.rekey.application.port.out.SecretLocation;
import org.rekey.application.port.out.SecretRewrite;
import org.rekey.application.port.out.StoredSecret;
import org.rekey.application.port.out.contract.SecretStoreContract;
import org.rekey.domain.error.ErrorCode;
import org.rekey.domain.error.RekeyException;
import org.rekey.domain.key.DataKeyId;
import org.rekey.domain.key.KeyRef;
import org.rekey.domain.key.Keyring;
import org.rekey.domain.key.Keyring.KeyChange;
import org.rekey.domain.key.StoredValue;
import org.rekey.domain.key.WriteFormat;
import org.rekey.domain.record.EncryptedRecord;

/**
 * The secret store contract on rekey's own schema ({@link SecretRepository}: one secret per credential), plus
 * what only this schema does: row locks a concurrent claimer skips, the version a rewrite bumps, the
 * {@code key_id} column. One {@link Database} per test class, emptied before each test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RekeySchemaSecretStoreContract extends SecretStoreContract {

    private static final Instant T1 = Instant.parse("2024-06-01T10:00:00.001Z");
    private static final Instant T2 = Instant.parse("2024-06-02T10:00:00.002Z");

    protected Database database;

    protected abstract TestDatabase testDatabase();

    /** What a second claimer gets while the first holds r0..r2 of r0..r5. */
    protected abstract void assertSecondClaim(List<String> second);

    @Override
    protected SecretStore newStore() throws SQLException {
        if (database == null) {
            database = Database.open(testDatabase().settings());
        }
        testDatabase().execute("DELETE FROM credentials_entity", "DELETE FROM deployment_key", "DELETE FROM api_key");
        return new SecretStore(database.transactions(), database.secrets(), database.secrets());
    }

    /** Ids of both cases, so that order is byte order ("S001" before "s000") whatever the collation. */
    @Override
    protected List<SecretLocation> locations(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> at(String.format(i % 2 == 0 ? "s%03d" : "S%03d", i)))
                .toList();
    }

    /**
     * A credential row holding {@code value}; {@code key_id} is what rekey derives from a value, or null when
     * the value does not parse (a row written by hand).
     */
    @Override
    protected void insertSecretRaw(SecretLocation location, String value) throws SQLException {
        String keyId;
        try {
            keyId = StoredValue.parse(value).keyId().map(DataKeyId::value).orElse(null);
        } catch (RekeyException e) {
            keyId = null;
        }
        OffsetDateTime now = OffsetDateTime.ofInstant(T0, ZoneOffset.UTC);
        try (Connection connection = testDatabase().connect();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO credentials_entity"
                        + " (id, name, type, data, key_id, version, created_at, updated_at)"
                        + " VALUES (?, ?, 'httpBasicAuth', ?, ?, 0, ?, ?)")) {
            insert.setString(1, location.rowId());
            insert.setString(2, "credential " + location.rowId());
            insert.setString(3, value);
            insert.setString(4, keyId);
            insert.setObject(5, now);
            insert.setObject(6, now);
            insert.executeUpdate();
        }
    }

    @AfterAll
    void closeDatabase() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void secretsAreTheCredentialsData_atTheirIdInCredentialsEntity() {
        Keyring keyring = Fixtures.seededKeyring(T0);
        EncryptedRecord stored = record("rec-1", keyring);
        database.records().insertRecord(stored);

        assertThat(database.secrets().loadSecretsAfter(Optional.empty(), 10))
                .containsExactly(new StoredSecret(at("rec-1"), stored.data()));
    }

    @Test
    void loadSecretsAfter_aLocationOfAnotherTableOrField_startsWhereLocationOrderSays() throws SQLException {
        insertSecretRaw(at("a"), "legacyvalue");
        insertSecretRaw(at("b"), "legacyvalue");

        assertThat(rowIds(database.secrets().loadSecretsAfter(Optional.of(new SecretLocation("api_key", "z", "x")),
                10))).containsExactly("a", "b");
        assertThat(database.secrets().loadSecretsAfter(Optional.of(new SecretLocation("settings", "", "")), 10))
                .isEmpty();
        assertThat(rowIds(database.secrets().loadSecretsAfter(
                Optional.of(new SecretLocation(SecretRepository.TABLE, "a", "aaa")), 10))).containsExactly("a", "b");
        assertThat(rowIds(database.secrets().loadSecretsAfter(
                Optional.of(new SecretLocation(SecretRepository.TABLE, "a", "zzz")), 10))).containsExactly("b");
    }

    @Test
    void rewrite_changesDataAndKeyIdOnly_andBumpsTheVersionOnce_soAStaleUserUpdateConflicts() {
        Keyring keyring = Fixtures.seededKeyring(T0);
        EncryptedRecord first = insert(record("rec-1", keyring));
        EncryptedRecord second = insert(record("rec-2", keyring));
        KeyChange rotation = keyring.rotate(T1, Fixtures.RANDOM);
        database.records().updateRecord(second.update(Optional.of("changed by a user"), Optional.empty(),
                rotation.keyring(), WriteFormat.ACTIVE_KEY, T2));
        List<SecretRewrite> batch = List.of(
                new SecretRewrite(new StoredSecret(at("rec-1"), first.data()),
                        rotation.keyring().encrypt(first.decryptData(keyring), WriteFormat.ACTIVE_KEY)),
                new SecretRewrite(new StoredSecret(at("rec-2"), second.data()),
                        rotation.keyring().encrypt(second.decryptData(keyring), WriteFormat.ACTIVE_KEY)));

        List<SecretRewrite> written = database.transactions().inTransaction(() ->
                database.secrets().rewriteSecrets(batch));

        assertThat(written).containsExactly(batch.get(0));
        EncryptedRecord loaded = database.records().loadRecord(first.id()).orElseThrow();
        assertThat(loaded.data()).isEqualTo(batch.get(0).newValue());
        assertThat(loaded.version()).isEqualTo(1);
        assertThat(loaded.name()).isEqualTo(first.name());
        assertThat(loaded.updatedAt()).isEqualTo(first.updatedAt());
        assertThat(loaded.keyId()).isEqualTo(rotation.activated().map(k -> k.id()));
        assertThat(loaded.decryptData(rotation.keyring())).isEqualTo(first.decryptData(keyring));
        assertThat(database.records().loadRecord(second.id()).orElseThrow().name()).isEqualTo("changed by a user");
        assertThat(database.secrets().countSecretsUsing(rotation.activated().orElseThrow().id())).isEqualTo(2);
        assertThatThrownBy(() -> database.records().updateRecord(first.update(Optional.of("stale"), Optional.empty(),
                keyring, WriteFormat.ACTIVE_KEY, T2)))
                .isInstanceOfSatisfying(RekeyException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.VERSION_CONFLICT));
    }

    @Test
    void rewriteOfALocationThisSchemaDoesNotHave_isRefused_andWritesNothing() throws SQLException {
        insertSecretRaw(at("a"), "legacyvalue");
        SecretRewrite elsewhere = new SecretRewrite(new StoredSecret(new SecretLocation("user", "a", "mfaSecret"),
                "legacyvalue"), "othervalue");

        assertThatThrownBy(() -> database.transactions().inTransaction(() ->
                database.secrets().rewriteSecrets(List.of(elsewhere))))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(database.secrets().loadSecretsAfter(Optional.empty(), 10))
                .containsExactly(new StoredSecret(at("a"), "legacyvalue"));
    }

    /** Claims go by {@code key_id}: a downgrade does not claim a malformed value whose {@code key_id} is null. */
    @Test
    void claimToLegacy_passesOverAMalformedValueWithoutKeyId() throws SQLException {
        insertSecretRaw(at("a"), MALFORMED);

        assertThat(database.transactions().inTransaction(() ->
                database.secrets().claimSecretsNotOn(KeyRef.LEGACY, Optional.empty(), 10))).isEmpty();
    }

    @Test
    void claimedSecrets_areSkippedByAConcurrentClaimer_withoutWaiting() throws Exception {
        Keyring keyring = Fixtures.seededKeyring(T0);
        for (int i = 0; i < 6; i++) {
            insert(record("r" + i, keyring, WriteFormat.LEGACY, T0));
        }
        KeyRef target = KeyRef.of(keyring.activeKey().orElseThrow().id());
        CountDownLatch claimed = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<List<String>> first = CompletableFuture.supplyAsync(
                () -> database.transactions().inTransaction(() -> {
                    List<String> ids = rowIds(database.secrets().claimSecretsNotOn(target, Optional.empty(), 3));
                    claimed.countDown();
                    await(release);
                    return ids;
                }));
        try {
            assertThat(claimed.await(10, TimeUnit.SECONDS)).isTrue();

            List<String> second = CompletableFuture.supplyAsync(() -> rowIds(database.transactions().inTransaction(
                    () -> database.secrets().claimSecretsNotOn(target, Optional.empty(), 3))))
                    .get(10, TimeUnit.SECONDS);

            assertThat(second).doesNotContainAnyElementsOf(List.of("r0", "r1", "r2"));
            assertSecondClaim(second);
        } finally {
            release.countDown();
        }
        assertThat(first.get(10, TimeUnit.SECONDS)).containsExactly("r0", "r1", "r2");
    }

    private EncryptedRecord insert(EncryptedRecord record) {
        database.records().insertRecord(record);
        return record;
    }

    private static SecretLocation at(String id) {
        return new SecretLocation(SecretRepository.TABLE, id, SecretRepository.FIELD);
    }

    private static List<String> rowIds(List<StoredSecret> secrets) {
        return secrets.stream().map(s -> s.location().rowId()).toList();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(20, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the claim");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
