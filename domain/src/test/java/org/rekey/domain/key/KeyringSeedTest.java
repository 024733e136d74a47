package org.rekey.domain.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rekey.domain.error.RekeyAssertions.assertRejected;
import static org.rekey.domain.key.KeyringFixtures.INSTANCE_KEY;
import static org.rekey.domain.key.KeyringFixtures.T0;
import static org.rekey.domain.key.KeyringFixtures.active;
import static org.rekey.domain.key.KeyringFixtures.legacyRow;
import static org.rekey.domain.key.KeyringFixtures.seeded;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rekey.domain.crypto.FormatVectors;
import org.rekey.domain.error.ErrorCode;

/** A new deployment's keys, as n8n seeds them; and the empty keyring of a deployment without rotation. */
class KeyringSeedTest {

    @Test
    void seed_givesAnInactiveLegacyCbcRowAndOneActiveGcmKey() {
        List<DataKey> keys = seeded().keys();

        assertThat(keys).hasSize(2);
        assertThat(keys).filteredOn(k -> k.algorithm() == KeyAlgorithm.AES_256_CBC).singleElement()
                .satisfies(k -> assertThat(k.status()).isEqualTo(KeyStatus.INACTIVE));
        assertThat(keys).filteredOn(k -> k.algorithm() == KeyAlgorithm.AES_256_GCM).singleElement()
                .satisfies(k -> assertThat(k.status()).isEqualTo(KeyStatus.ACTIVE));
    }

    @Test
    void seed_keysAreDataEncryptionKeys_createdAndUpdatedNow_withNew16CharacterIds() {
        Keyring keyring = seeded();

        for (DataKey key : keyring.keys()) {
            assertThat(key.type()).isEqualTo(KeyType.DATA_ENCRYPTION);
            assertThat(key.createdAt()).isEqualTo(T0);
            assertThat(key.updatedAt()).isEqualTo(T0);
            assertThat(key.id().value()).matches("[A-Za-z0-9]{16}");
            assertThat(key.wrappedValue()).isNotEmpty();
        }
        assertThat(active(keyring).id()).isNotEqualTo(legacyRow(keyring).id());
    }

    @Test
    void seed_twice_givesDifferentKeys() {
        Keyring a = seeded();
        Keyring b = seeded();

        assertThat(active(a).id()).isNotEqualTo(active(b).id());
        assertThat(active(a).wrappedValue()).isNotEqualTo(active(b).wrappedValue());
    }

    @Test
    void seeded_encryptsUnderTheActiveKey() {
        Keyring keyring = seeded();

        String value = keyring.encrypt("secret", WriteFormat.ACTIVE_KEY);

        assertThat(value).startsWith(active(keyring).id().value() + ":");
        assertThat(keyring.decrypt(value)).isEqualTo("secret");
    }

    @Test
    void seeded_inLegacyFormat_writesUnprefixedCbcUnderTheInstanceKey() {
        Keyring keyring = seeded();

        String value = keyring.encrypt("secret", WriteFormat.LEGACY);

        assertThat(value).doesNotContain(":").startsWith("U2FsdGVkX1");
        assertThat(INSTANCE_KEY.decryptLegacy(value)).isEqualTo("secret");
        assertThat(keyring.decrypt(value)).isEqualTo("secret");
    }

    @Test
    void seeded_decryptsValuesNamingTheLegacyRow_withTheInstanceKeyString() {
        Keyring keyring = seeded();
        String underRow = legacyRow(keyring).id().value() + ":" + FormatVectors.LEGACY_2;

        assertThat(keyring.decrypt(underRow)).isEqualTo(FormatVectors.MULTI_BYTE);
    }

    @Test
    void empty_hasNoKeys_decryptsLegacyValues_andRefusesToWriteUnderADataKey() {
        Keyring keyring = Keyring.empty(INSTANCE_KEY);

        assertThat(keyring.isEmpty()).isTrue();
        assertThat(keyring.activeKey()).isEmpty();
        assertThat(keyring.decrypt(FormatVectors.LEGACY_2)).isEqualTo(FormatVectors.MULTI_BYTE);
        assertThat(keyring.decrypt(keyring.encrypt("x", WriteFormat.LEGACY))).isEqualTo("x");
        assertRejected(ErrorCode.NO_ACTIVE_KEY, () -> keyring.encrypt("x", WriteFormat.ACTIVE_KEY));
        assertRejected(ErrorCode.NO_ACTIVE_KEY, () -> keyring.rotate(T0, KeyringFixtures.RANDOM));
    }

    @Test
    void writeFormat_followsTheRotationFlag() {
        assertThat(WriteFormat.forRotation(true)).isEqualTo(WriteFormat.ACTIVE_KEY);
        assertThat(WriteFormat.forRotation(false)).isEqualTo(WriteFormat.LEGACY);
    }
}
