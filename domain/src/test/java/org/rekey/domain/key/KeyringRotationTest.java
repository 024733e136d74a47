package org.rekey.domain.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rekey.domain.key.KeyringFixtures.RANDOM;
import static org.rekey.domain.key.KeyringFixtures.T0;
import static org.rekey.domain.key.KeyringFixtures.T1;
import static org.rekey.domain.key.KeyringFixtures.T2;
import static org.rekey.domain.key.KeyringFixtures.active;
import static org.rekey.domain.key.KeyringFixtures.seeded;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rotation: a new key becomes the one active key; every older key keeps decrypting. */
class KeyringRotationTest {

    @Test
    void rotate_leavesExactlyOneActiveKey() {
        Keyring keyring = seeded();
        for (int i = 0; i < 5; i++) {
            keyring = keyring.rotate(T1, RANDOM).keyring();

            assertThat(keyring.keys()).filteredOn(DataKey::isActive).hasSize(1);
        }
        assertThat(keyring.keys()).hasSize(7);
    }

    @Test
    void rotate_makesTheNewGcmKeyActive_andTheOldOneInactive() {
        Keyring before = seeded();
        DataKey old = active(before);

        Keyring.KeyChange change = before.rotate(T1, RANDOM);
        Keyring after = change.keyring();

        DataKey created = active(after);
        assertThat(created.id()).isNotEqualTo(old.id());
        assertThat(created.algorithm()).isEqualTo(KeyAlgorithm.AES_256_GCM);
        assertThat(created.createdAt()).isEqualTo(T1);
        assertThat(after.key(old.id()).status()).isEqualTo(KeyStatus.INACTIVE);
        assertThat(after.key(old.id()).updatedAt()).isEqualTo(T1);
        assertThat(after.key(old.id()).createdAt()).isEqualTo(T0);
    }

    @Test
    void rotate_reportsTheRetiredAndTheCreatedKeyAsChanged() {
        Keyring before = seeded();
        DataKey old = active(before);

        Keyring.KeyChange change = before.rotate(T1, RANDOM);

        assertThat(change.changed()).hasSize(2);
        assertThat(change.changed()).filteredOn(k -> k.id().equals(old.id())).singleElement()
                .satisfies(k -> assertThat(k.status()).isEqualTo(KeyStatus.INACTIVE));
        assertThat(change.activated()).contains(active(change.keyring()));
    }

    @Test
    void rotate_doesNotChangeTheKeyringItWasCalledOn() {
        Keyring before = seeded();
        List<DataKey> keysBefore = before.keys();

        before.rotate(T1, RANDOM);

        assertThat(before.keys()).isEqualTo(keysBefore);
        assertThat(before.encrypt("x", WriteFormat.ACTIVE_KEY)).startsWith(active(before).id() + ":");
    }

    @Test
    void rotate_oldValuesStillDecrypt() {
        Keyring keyring = seeded();
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            values.add(keyring.encrypt("secret " + i, WriteFormat.ACTIVE_KEY));
            values.add(keyring.encrypt("legacy " + i, WriteFormat.LEGACY));
            keyring = keyring.rotate(T2, RANDOM).keyring();
        }

        for (int i = 0; i < 4; i++) {
            assertThat(keyring.decrypt(values.get(2 * i))).isEqualTo("secret " + i);
            assertThat(keyring.decrypt(values.get(2 * i + 1))).isEqualTo("legacy " + i);
        }
    }

    @Test
    void onlyTheActiveKeyEncrypts() {
        Keyring keyring = seeded().rotate(T1, RANDOM).keyring().rotate(T2, RANDOM).keyring();
        String activeId = active(keyring).id().value();

        for (int i = 0; i < 50; i++) {
            assertThat(keyring.encrypt("value " + i, WriteFormat.ACTIVE_KEY)).startsWith(activeId + ":");
        }
    }

    @Test
    void isOnActiveKey_isTrueOnlyForValuesNamingTheActiveKey() {
        Keyring keyring = seeded();
        String onFirst = keyring.encrypt("x", WriteFormat.ACTIVE_KEY);
        String legacy = keyring.encrypt("x", WriteFormat.LEGACY);
        assertThat(keyring.isOnActiveKey(onFirst)).isTrue();
        assertThat(keyring.isOnActiveKey(legacy)).isFalse();

        Keyring rotated = keyring.rotate(T1, RANDOM).keyring();

        assertThat(rotated.isOnActiveKey(onFirst)).isFalse();
        assertThat(rotated.isOnActiveKey(rotated.encrypt("x", WriteFormat.ACTIVE_KEY))).isTrue();
        assertThat(Keyring.empty(KeyringFixtures.INSTANCE_KEY).isOnActiveKey(onFirst)).isFalse();
    }

    @Test
    void keys_areListedOldestFirst() {
        Keyring keyring = seeded().rotate(T1, RANDOM).keyring().rotate(T2, RANDOM).keyring();

        assertThat(keyring.keys()).extracting(DataKey::createdAt).containsExactly(T0, T0, T1, T2);
        assertThat(keyring.keys().get(3)).isEqualTo(active(keyring));
    }
}
