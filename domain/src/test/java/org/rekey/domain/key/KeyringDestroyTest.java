package org.rekey.domain.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rekey.domain.error.RekeyAssertions.assertRejected;
import static org.rekey.domain.key.KeyringFixtures.INSTANCE_KEY;
import static org.rekey.domain.key.KeyringFixtures.RANDOM;
import static org.rekey.domain.key.KeyringFixtures.T1;
import static org.rekey.domain.key.KeyringFixtures.T2;
import static org.rekey.domain.key.KeyringFixtures.active;
import static org.rekey.domain.key.KeyringFixtures.seeded;

import org.junit.jupiter.api.Test;
import org.rekey.domain.error.ErrorCode;
import org.rekey.domain.error.RekeyException;

/** Destroying a retired key: material wiped, a tombstone kept, values naming it fail clearly. */
class KeyringDestroyTest {

    @Test
    void destroy_theActiveKey_failsWithKeyActive() {
        Keyring keyring = seeded();

        assertRejected(ErrorCode.KEY_ACTIVE, () -> keyring.destroy(active(keyring).id(), T1));
    }

    @Test
    void destroy_anInactiveKey_keepsATombstoneWithoutMaterial() {
        Keyring keyring = seeded();
        DataKey old = active(keyring);
        Keyring rotated = keyring.rotate(T1, RANDOM).keyring();

        Keyring.KeyChange change = rotated.destroy(old.id(), T2);

        DataKey tombstone = change.keyring().key(old.id());
        assertThat(change.changed()).containsExactly(tombstone);
        assertThat(tombstone.status()).isEqualTo(KeyStatus.DESTROYED);
        assertThat(tombstone.wrappedValue()).isEmpty();
        assertThat(tombstone.updatedAt()).isEqualTo(T2);
        assertThat(tombstone.createdAt()).isEqualTo(old.createdAt());
        assertThat(tombstone.algorithm()).isEqualTo(old.algorithm());
    }

    @Test
    void destroy_thenValuesNamingTheKey_failWithKeyDestroyed_sayingWhen() {
        Keyring keyring = seeded();
        DataKey old = active(keyring);
        String value = keyring.encrypt("secret", WriteFormat.ACTIVE_KEY);
        Keyring destroyed = keyring.rotate(T1, RANDOM).keyring().destroy(old.id(), T2).keyring();

        RekeyException e = assertRejected(ErrorCode.KEY_DESTROYED, () -> destroyed.decrypt(value));

        assertThat(e.getMessage()).isEqualTo("key " + old.id() + " was destroyed at " + T2);
    }

    @Test
    void destroy_leavesEveryOtherKeyWorking() {
        Keyring keyring = seeded();
        DataKey old = active(keyring);
        String legacy = keyring.encrypt("legacy", WriteFormat.LEGACY);
        String underRow = KeyringFixtures.legacyRow(keyring).id() + ":" + INSTANCE_KEY.encryptLegacy("row");
        Keyring rotated = keyring.rotate(T1, RANDOM).keyring();
        String current = rotated.encrypt("current", WriteFormat.ACTIVE_KEY);

        Keyring destroyed = rotated.destroy(old.id(), T2).keyring();

        assertThat(destroyed.decrypt(legacy)).isEqualTo("legacy");
        assertThat(destroyed.decrypt(underRow)).isEqualTo("row");
        assertThat(destroyed.decrypt(current)).isEqualTo("current");
        assertThat(destroyed.keys()).filteredOn(DataKey::isActive).hasSize(1);
    }

    @Test
    void destroy_twice_failsWithKeyDestroyed() {
        Keyring keyring = seeded();
        DataKey old = active(keyring);
        Keyring destroyed = keyring.rotate(T1, RANDOM).keyring().destroy(old.id(), T2).keyring();

        assertRejected(ErrorCode.KEY_DESTROYED, () -> destroyed.destroy(old.id(), T2));
    }

    @Test
    void destroy_anUnknownKey_failsWithKeyNotFound() {
        assertRejected(ErrorCode.KEY_NOT_FOUND, () -> seeded().destroy(new DataKeyId("noSuchKey"), T1));
    }

    @Test
    void tombstones_surviveReconstitution() {
        Keyring keyring = seeded();
        DataKey old = active(keyring);
        String value = keyring.encrypt("secret", WriteFormat.ACTIVE_KEY);
        Keyring destroyed = keyring.rotate(T1, RANDOM).keyring().destroy(old.id(), T2).keyring();

        Keyring reloaded = Keyring.reconstitute(INSTANCE_KEY, destroyed.keys());

        assertThat(reloaded.key(old.id()).status()).isEqualTo(KeyStatus.DESTROYED);
        assertRejected(ErrorCode.KEY_DESTROYED, () -> reloaded.decrypt(value));
    }

    @Test
    void inspect_ofAValueOnADestroyedKey_reportsTheStatus_withoutFailing() {
        Keyring keyring = seeded();
        DataKey old = active(keyring);
        String value = keyring.encrypt("secret", WriteFormat.ACTIVE_KEY);
        Keyring destroyed = keyring.rotate(T1, RANDOM).keyring().destroy(old.id(), T2).keyring();

        assertThat(destroyed.inspect(value).keyStatus()).contains(KeyStatus.DESTROYED);
    }
}
