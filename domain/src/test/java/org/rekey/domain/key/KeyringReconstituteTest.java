package org.rekey.domain.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rekey.domain.error.RekeyAssertions.assertRejected;
import static org.rekey.domain.key.KeyringFixtures.INSTANCE_KEY;
import static org.rekey.domain.key.KeyringFixtures.OTHER_INSTANCE_KEY;
import static org.rekey.domain.key.KeyringFixtures.RANDOM;
import static org.rekey.domain.key.KeyringFixtures.T0;
import static org.rekey.domain.key.KeyringFixtures.T1;
import static org.rekey.domain.key.KeyringFixtures.active;
import static org.rekey.domain.key.KeyringFixtures.seeded;
import static org.rekey.domain.key.KeyringFixtures.withStatus;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rekey.domain.error.ErrorCode;
import org.rekey.domain.error.RekeyException;

/** Rebuilding a keyring from stored keys, the checks it makes, and refreshing it cheaply. */
class KeyringReconstituteTest {

    @Test
    void reconstitute_fromStoredKeys_decryptsWhatTheOriginalEncrypted() {
        Keyring original = seeded().rotate(T1, RANDOM).keyring();
        String value = original.encrypt("secret", WriteFormat.ACTIVE_KEY);

        Keyring reloaded = Keyring.reconstitute(INSTANCE_KEY, original.keys());

        assertThat(reloaded.decrypt(value)).isEqualTo("secret");
        assertThat(reloaded.keys()).isEqualTo(original.keys());
        assertThat(active(reloaded)).isEqualTo(active(original));
    }

    @Test
    void reconstitute_ofNoKeys_isTheEmptyKeyring() {
        Keyring keyring = Keyring.reconstitute(INSTANCE_KEY, List.of());

        assertThat(keyring.isEmpty()).isTrue();
        assertRejected(ErrorCode.NO_ACTIVE_KEY, () -> keyring.encrypt("x", WriteFormat.ACTIVE_KEY));
    }

    @Test
    void reconstitute_withTwoActiveKeys_failsWithNoActiveKey() {
        List<DataKey> stored = new ArrayList<>(seeded().keys());
        stored.replaceAll(k -> withStatus(k, KeyStatus.ACTIVE));

        RekeyException e = assertRejected(ErrorCode.NO_ACTIVE_KEY, () -> Keyring.reconstitute(INSTANCE_KEY, stored));
        assertThat(e.getMessage()).contains("exactly one active key").contains("has 2");
    }

    @Test
    void reconstitute_withNoActiveKey_failsWithNoActiveKey() {
        List<DataKey> stored = new ArrayList<>(seeded().keys());
        stored.replaceAll(k -> withStatus(k, KeyStatus.INACTIVE));

        assertRejected(ErrorCode.NO_ACTIVE_KEY, () -> Keyring.reconstitute(INSTANCE_KEY, stored));
    }

    @Test
    void reconstitute_withTwoKeysOfOneId_isRejected() {
        DataKey key = active(seeded());

        assertRejected(ErrorCode.INVALID_INPUT,
                () -> Keyring.reconstitute(INSTANCE_KEY, List.of(key, withStatus(key, KeyStatus.INACTIVE))));
    }

    @Test
    void reconstitute_withAnInactiveKeyThatDoesNotUnwrap_failsOnlyForValuesNamingIt() {
        Keyring keyring = seeded();
        DataKey strayKey = withStatus(active(Keyring.seed(OTHER_INSTANCE_KEY, T0, RANDOM)), KeyStatus.INACTIVE);
        List<DataKey> stored = new ArrayList<>(keyring.keys());
        stored.add(strayKey);
        String good = keyring.encrypt("good", WriteFormat.ACTIVE_KEY);

        Keyring reloaded = Keyring.reconstitute(INSTANCE_KEY, stored);

        assertThat(reloaded.decrypt(good)).isEqualTo("good");
        assertRejected(ErrorCode.WRONG_INSTANCE_KEY, () -> reloaded.decrypt(strayKey.id() + ":AQID"));
    }

    @Test
    void decrypt_ofAValueNamingAnUnknownKey_failsWithKeyNotFound() {
        Keyring keyring = seeded();
        String value = Keyring.seed(INSTANCE_KEY, T0, RANDOM).encrypt("elsewhere", WriteFormat.ACTIVE_KEY);

        RekeyException e = assertRejected(ErrorCode.KEY_NOT_FOUND, () -> keyring.decrypt(value));
        assertThat(e.getMessage()).contains(value.substring(0, value.indexOf(':')));
    }

    @Test
    void key_ofAnUnknownId_failsWithKeyNotFound() {
        assertRejected(ErrorCode.KEY_NOT_FOUND, () -> seeded().key(new DataKeyId("nope")));
    }

    @Test
    void refresh_picksUpARotationMadeByAnotherInstance() {
        Keyring here = seeded();
        String before = here.encrypt("before", WriteFormat.ACTIVE_KEY);
        Keyring there = Keyring.reconstitute(INSTANCE_KEY, here.keys()).rotate(T1, RANDOM).keyring();

        Keyring refreshed = here.refresh(there.keys());

        assertThat(active(refreshed)).isEqualTo(active(there));
        assertThat(refreshed.encrypt("after", WriteFormat.ACTIVE_KEY)).startsWith(active(there).id() + ":");
        assertThat(refreshed.decrypt(before)).isEqualTo("before");
    }

    @Test
    void refresh_reusesTheUnwrappedMaterialOfKeysWhoseWrappedValueDidNotChange() throws Exception {
        Keyring here = seeded();
        DataKey first = active(here);
        Keyring there = Keyring.reconstitute(INSTANCE_KEY, here.keys()).rotate(T1, RANDOM).keyring();

        Keyring refreshed = here.refresh(there.keys());

        // the status of `first` changed but its wrapped value did not: no second unwrap
        assertThat(refreshed.key(first.id()).status()).isEqualTo(KeyStatus.INACTIVE);
        assertThat(unwrapped(refreshed).get(first.id())).isSameAs(unwrapped(here).get(first.id()));
        assertThat(unwrapped(refreshed).get(active(there).id())).isNotNull();
    }

    @Test
    void refresh_unwrapsAKeyAgain_whenItsWrappedValueChanged() throws Exception {
        Keyring here = seeded();
        DataKey first = active(here);
        Keyring rewrapped = here.rewrap(INSTANCE_KEY, T1).keyring();

        Keyring refreshed = here.refresh(rewrapped.keys());

        assertThat(unwrapped(refreshed).get(first.id())).isNotSameAs(unwrapped(here).get(first.id()));
        assertThat(refreshed.decrypt(here.encrypt("x", WriteFormat.ACTIVE_KEY))).isEqualTo("x");
    }

    @SuppressWarnings("unchecked")
    private static Map<DataKeyId, UnwrappedKey> unwrapped(Keyring keyring) throws ReflectiveOperationException {
        Field field = Keyring.class.getDeclaredField("unwrapped");
        field.setAccessible(true);
        return (Map<DataKeyId, UnwrappedKey>) field.get(keyring);
    }
}
