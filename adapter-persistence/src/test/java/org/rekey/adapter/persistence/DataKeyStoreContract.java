package org.rekey.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rekey.adapter.persistence.Fixtures.INSTANCE_KEY;
import static org.rekey.adapter.persistence.Fixtures.T0;
import static org.rekey.adapter.persistence.Fixtures.T0_MILLIS;
import static org.rekey.adapter.persistence.Fixtures.reload;
import static org.rekey.adapter.persistence.Fixtures.seedInto;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rekey.domain.error.ErrorCode;
import org.rekey.domain.error.RekeyException;
import org.rekey.domain.key.DataKey;
import org.rekey.domain.key.DataKeyId;
import org.rekey.domain.key.KeyStatus;
import org.rekey.domain.key.Keyring;
import org.rekey.domain.key.Keyring.KeyChange;
import org.rekey.domain.key.WriteFormat;

/** The contract of {@code LoadDataKeysPort} and {@code SaveDataKeysPort}, run on every database. */
abstract class DataKeyStoreContract extends DatabaseTestBase {

    private static final Instant T1 = Instant.parse("2024-06-01T00:00:00.456Z");
    private static final Instant T2 = Instant.parse("2024-07-01T00:00:00.789Z");

    @Test
    void savedKeys_loadWithEveryField_timestampsToTheMillisecond() {
        Keyring keyring = seedInto(database, T0);

        List<DataKey> loaded = database.dataKeys().loadDataKeys();

        assertThat(loaded).containsExactlyInAnyOrderElementsOf(keyring.keys());
        assertThat(loaded).allSatisfy(key -> {
            assertThat(key.createdAt()).isEqualTo(T0_MILLIS);
            assertThat(key.updatedAt()).isEqualTo(T0_MILLIS);
        });
    }

    @Test
    void loadedKeys_unwrapIntoAKeyringThatDecryptsWhatTheSeededOneEncrypted() {
        Keyring seeded = seedInto(database, T0);
        String value = seeded.encrypt("secret text", WriteFormat.ACTIVE_KEY);

        assertThat(reload(database).decrypt(value)).isEqualTo("secret text");
    }

    @Test
    void emptyStore_loadsNoKeys() {
        assertThat(database.dataKeys().loadDataKeys()).isEmpty();
    }

    @Test
    void rotationSavedInOneCall_demotesTheOldKeyAndActivatesTheNewOne() {
        Keyring keyring = seedInto(database, T0);
        DataKey previous = keyring.activeKey().orElseThrow();

        KeyChange rotation = keyring.rotate(T1, Fixtures.RANDOM);
        database.dataKeys().saveDataKeys(rotation.changed());

        List<DataKey> loaded = database.dataKeys().loadDataKeys();
        assertThat(loaded).hasSize(3).containsExactlyInAnyOrderElementsOf(rotation.keyring().keys());
        assertThat(loaded.stream().filter(DataKey::isActive))
                .containsExactly(rotation.activated().orElseThrow());
        DataKey demoted = loaded.stream().filter(k -> k.id().equals(previous.id())).findFirst().orElseThrow();
        assertThat(demoted.status()).isEqualTo(KeyStatus.INACTIVE);
        assertThat(demoted.createdAt()).isEqualTo(T0_MILLIS);
        assertThat(demoted.updatedAt()).isEqualTo(T1);
    }

    @Test
    void rotationFromStaleKeys_isRejectedWithRotationConflict_andChangesNothing() {
        Keyring keyring = seedInto(database, T0);
        KeyChange first = keyring.rotate(T1, Fixtures.RANDOM);
        KeyChange stale = keyring.rotate(T2, Fixtures.RANDOM);
        database.transactions().inTransaction(() -> {
            database.dataKeys().saveDataKeys(first.changed());
            return null;
        });

        assertThatThrownBy(() -> database.transactions().inTransaction(() -> {
            database.dataKeys().saveDataKeys(stale.changed());
            return null;
        })).isInstanceOfSatisfying(RekeyException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.ROTATION_CONFLICT));

        assertThat(database.dataKeys().loadDataKeys()).containsExactlyInAnyOrderElementsOf(first.keyring().keys());
    }

    @Test
    void secondActiveKeyOutsideATransaction_isRejectedWithRotationConflict() {
        Keyring keyring = seedInto(database, T0);
        DataKey otherActive = Fixtures.seededKeyring(T1).activeKey().orElseThrow();

        assertThatThrownBy(() -> database.dataKeys().saveDataKeys(List.of(otherActive)))
                .isInstanceOfSatisfying(RekeyException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.ROTATION_CONFLICT));

        assertThat(database.dataKeys().loadDataKeys()).containsExactlyInAnyOrderElementsOf(keyring.keys());
    }

    @Test
    void databaseItselfRefusesASecondActiveKey_insertedWithPlainSql() throws SQLException {
        seedInto(database, T0);

        assertThatThrownBy(() -> testDatabase().execute(insertKeySql("second-active", "active")))
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("23505"));

        testDatabase().execute(insertKeySql("another-inactive", "inactive"));
        assertThat(database.dataKeys().loadDataKeys().stream().filter(DataKey::isActive)).hasSize(1);
    }

    @Test
    void databaseItselfRefusesToActivateASecondKey_withPlainSql() throws SQLException {
        Keyring keyring = seedInto(database, T0);
        DataKey inactive = keyring.keys().stream().filter(k -> !k.isActive()).findFirst().orElseThrow();

        assertThatThrownBy(() -> testDatabase().execute(
                "UPDATE deployment_key SET status = 'active' WHERE id = '" + inactive.id() + "'"))
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("23505"));
    }

    @Test
    void destroyedKey_isStoredAsATombstoneWithAnEmptyValue() {
        Keyring keyring = seedInto(database, T0);
        DataKey legacy = keyring.keys().stream().filter(k -> !k.isActive()).findFirst().orElseThrow();

        KeyChange destroyed = keyring.destroy(legacy.id(), T1);
        database.dataKeys().saveDataKeys(destroyed.changed());

        DataKey loaded = database.dataKeys().loadDataKeys().stream()
                .filter(k -> k.id().equals(legacy.id())).findFirst().orElseThrow();
        assertThat(loaded.status()).isEqualTo(KeyStatus.DESTROYED);
        assertThat(loaded.wrappedValue()).isEmpty();
        assertThat(loaded.updatedAt()).isEqualTo(T1);
        assertThat(reload(database).keys()).containsExactlyInAnyOrderElementsOf(destroyed.keyring().keys());
    }

    @Test
    void importedActiveKey_withA36CharacterN8nId_demotesTheCurrentOneInTheSameCall() {
        Keyring keyring = seedInto(database, T0);
        DataKey exported = Fixtures.seededKeyring(T1).activeKey().orElseThrow();
        DataKey imported = DataKey.reconstitute(new DataKeyId("0b7f3c2e-5a1d-4c9e-8f00-123456789abc"),
                exported.type(), exported.algorithm(), KeyStatus.ACTIVE, exported.wrappedValue(), T1, T1);

        KeyChange change = keyring.importKey(imported, T2);
        database.dataKeys().saveDataKeys(change.changed());

        assertThat(database.dataKeys().loadDataKeys()).containsExactlyInAnyOrderElementsOf(change.keyring().keys());
        assertThat(reload(database).activeKey()).contains(imported);
    }

    @Test
    void savingNoKeys_changesNothing() {
        Keyring keyring = seedInto(database, T0);

        database.dataKeys().saveDataKeys(List.of());

        assertThat(database.dataKeys().loadDataKeys()).containsExactlyInAnyOrderElementsOf(keyring.keys());
    }

    @Test
    void savedKeys_rollBackWithTheirTransaction() {
        Keyring keyring = seedInto(database, T0);
        IllegalStateException failure = new IllegalStateException("fails after saving");

        assertThatThrownBy(() -> database.transactions().inTransaction(() -> {
            database.dataKeys().saveDataKeys(keyring.rotate(T1, Fixtures.RANDOM).changed());
            throw failure;
        })).isSameAs(failure);

        assertThat(database.dataKeys().loadDataKeys()).containsExactlyInAnyOrderElementsOf(keyring.keys());
        assertThat(Keyring.reconstitute(INSTANCE_KEY, database.dataKeys().loadDataKeys()).activeKey())
                .isEqualTo(keyring.activeKey());
    }

    private static String insertKeySql(String id, String status) {
        return "INSERT INTO deployment_key (id, type, \"value\", algorithm, status, created_at, updated_at) VALUES ('"
                + id + "', 'data_encryption', 'd3JhcHBlZA==', 'aes-256-gcm', '" + status
                + "', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)";
    }
}
