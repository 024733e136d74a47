package org.rekey.domain.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rekey.domain.error.RekeyAssertions.assertRejected;
import static org.rekey.domain.key.KeyringFixtures.INSTANCE_KEY;
import static org.rekey.domain.key.KeyringFixtures.OTHER_INSTANCE_KEY;
import static org.rekey.domain.key.KeyringFixtures.RANDOM;
import static org.rekey.domain.key.KeyringFixtures.T0;
import static org.rekey.domain.key.KeyringFixtures.T1;
import static org.rekey.domain.key.KeyringFixtures.T2;
import static org.rekey.domain.key.KeyringFixtures.T3;
import static org.rekey.domain.key.KeyringFixtures.active;
import static org.rekey.domain.key.KeyringFixtures.legacyRow;
import static org.rekey.domain.key.KeyringFixtures.seeded;
import static org.rekey.domain.key.KeyringFixtures.withStatus;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rekey.domain.crypto.FormatVectors;
import org.rekey.domain.error.ErrorCode;

/** Changing the instance key: every key wrapped anew; every value naming a key stays readable. */
class KeyringRewrapTest {

    private final Keyring original = seeded().rotate(T1, RANDOM).keyring();

    @Test
    void rewrap_keepsEveryValueThatNamesAGcmKeyReadable() {
        Keyring first = seeded();
        String onOldKey = first.encrypt("old", WriteFormat.ACTIVE_KEY);
        Keyring rotated = first.rotate(T1, RANDOM).keyring();
        String onActiveKey = rotated.encrypt("active", WriteFormat.ACTIVE_KEY);

        Keyring rewrapped = rotated.rewrap(OTHER_INSTANCE_KEY, T2).keyring();

        assertThat(rewrapped.decrypt(onOldKey)).isEqualTo("old");
        assertThat(rewrapped.decrypt(onActiveKey)).isEqualTo("active");
    }

    @Test
    void rewrap_legacyRowFollowsTheInstanceKey_asN8nRequiresOfIt() {
        Keyring rewrapped = original.rewrap(OTHER_INSTANCE_KEY, T2).keyring();
        String prefixedWithRow = legacyRow(rewrapped).id() + ":" + OTHER_INSTANCE_KEY.encryptLegacy("row");

        assertThat(rewrapped.decrypt(prefixedWithRow)).isEqualTo("row");
    }

    @Test
    void rewrap_storedKeysReloadUnderTheNewInstanceKey_andNoLongerUnderTheOld() {
        String value = original.encrypt("secret", WriteFormat.ACTIVE_KEY);

        Keyring.KeyChange change = original.rewrap(OTHER_INSTANCE_KEY, T2);

        assertThat(Keyring.reconstitute(OTHER_INSTANCE_KEY, change.changed()).decrypt(value)).isEqualTo("secret");
        assertRejected(ErrorCode.WRONG_INSTANCE_KEY, () -> Keyring.reconstitute(INSTANCE_KEY, change.changed()));
    }

    @Test
    void rewrap_changesEveryWrappedValue_andKeepsIdsStatusesAlgorithmsAndCreation() {
        Keyring.KeyChange change = original.rewrap(OTHER_INSTANCE_KEY, T2);

        assertThat(change.changed()).hasSameSizeAs(original.keys());
        for (DataKey before : original.keys()) {
            DataKey after = change.keyring().key(before.id());
            assertThat(after.wrappedValue()).isNotEqualTo(before.wrappedValue());
            assertThat(after.status()).isEqualTo(before.status());
            assertThat(after.algorithm()).isEqualTo(before.algorithm());
            assertThat(after.createdAt()).isEqualTo(before.createdAt());
            assertThat(after.updatedAt()).isEqualTo(T2);
        }
        assertThat(change.keyring().instanceKey()).isEqualTo(OTHER_INSTANCE_KEY);
    }

    @Test
    void rewrap_legacyRowHoldsTheNewInstanceKeyString() throws Exception {
        DataKey row = change().keyring().key(legacyRow(original).id());

        byte[] unwrapped = KeyringFixtures.unwrapIndependently("a-different-instance-key-0123456789", row.wrappedValue());

        assertThat(new String(unwrapped, StandardCharsets.UTF_8)).isEqualTo("a-different-instance-key-0123456789");
    }

    @Test
    void rewrap_newLegacyWritesUseTheNewInstanceKey() {
        Keyring rewrapped = change().keyring();

        String value = rewrapped.encrypt("new legacy", WriteFormat.LEGACY);

        assertThat(OTHER_INSTANCE_KEY.decryptLegacy(value)).isEqualTo("new legacy");
    }

    @Test
    void rewrap_legacyValuesStayUnderTheOldInstanceKey_andMustBeMovedToADataKeyFirst() {
        // docs/FORMAT.md §3: a value without ':' is CBC under *the* instance key, and the legacy row follows the
        // instance key, so the ChangeInstanceKey use case moves legacy records to a GCM key before the re-wrap.
        Keyring seededUnderKey1 = Keyring.seed(InstanceKey.of(FormatVectors.INSTANCE_KEY_1), T0, RANDOM);
        assertThat(seededUnderKey1.decrypt(FormatVectors.LEGACY_1)).isEqualTo("random-string");

        Keyring rewrapped = seededUnderKey1.rewrap(OTHER_INSTANCE_KEY, T2).keyring();

        assertRejected(ErrorCode.DECRYPTION_FAILED, () -> rewrapped.decrypt(FormatVectors.LEGACY_1));
        assertRejected(ErrorCode.DECRYPTION_FAILED,
                () -> rewrapped.decrypt(legacyRow(rewrapped).id() + ":" + FormatVectors.LEGACY_1));
    }

    @Test
    void rewrap_keepsTombstonesAsTheyAre() {
        DataKey first = original.keys().get(1);
        Keyring destroyed = original.destroy(first.id(), T2).keyring();

        Keyring.KeyChange change = destroyed.rewrap(OTHER_INSTANCE_KEY, T3);

        assertThat(change.keyring().key(first.id())).isEqualTo(destroyed.key(first.id()));
    }

    @Test
    void rewrap_withAKeyThatDoesNotUnwrap_isRefused() {
        DataKey stray = withStatus(active(Keyring.seed(OTHER_INSTANCE_KEY, T0, RANDOM)), KeyStatus.INACTIVE);
        List<DataKey> stored = new ArrayList<>(original.keys());
        stored.add(stray);
        Keyring withStray = Keyring.reconstitute(INSTANCE_KEY, stored);

        assertRejected(ErrorCode.DECRYPTION_FAILED, () -> withStray.rewrap(InstanceKey.of("third-key"), T2));
    }

    private Keyring.KeyChange change() {
        return original.rewrap(OTHER_INSTANCE_KEY, T2);
    }
}
