package org.rekey.domain.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rekey.domain.key.KeyringFixtures.RANDOM;
import static org.rekey.domain.key.KeyringFixtures.T1;
import static org.rekey.domain.key.KeyringFixtures.seeded;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rekey.domain.crypto.Plaintexts;

/** Property-style round trips through the keyring in both write formats, from empty to 1 MiB. */
class KeyringRoundTripTest {

    @ParameterizedTest
    @EnumSource(WriteFormat.class)
    void encryptThenDecrypt_givesThePlaintextBack(WriteFormat format) {
        Keyring keyring = seeded();
        for (String plaintext : Plaintexts.samples(new Random(format.ordinal()), 150)) {
            String value = keyring.encrypt(plaintext, format);

            assertThat(keyring.decrypt(value)).isEqualTo(plaintext);
        }
    }

    @ParameterizedTest
    @EnumSource(WriteFormat.class)
    void valuesStayReadable_afterRotationAndReconstitution(WriteFormat format) {
        Keyring keyring = seeded();
        List<String> plaintexts = Plaintexts.samples(new Random(42 + format.ordinal()), 30);
        List<String> values = plaintexts.stream().map(p -> keyring.encrypt(p, format)).toList();

        Keyring later = Keyring.reconstitute(KeyringFixtures.INSTANCE_KEY, keyring.rotate(T1, RANDOM).keyring().keys());

        for (int i = 0; i < values.size(); i++) {
            assertThat(later.decrypt(values.get(i))).isEqualTo(plaintexts.get(i));
        }
    }

    @ParameterizedTest
    @EnumSource(WriteFormat.class)
    void encryptingTwice_givesDifferentValues(WriteFormat format) {
        Keyring keyring = seeded();

        assertThat(keyring.encrypt("same", format)).isNotEqualTo(keyring.encrypt("same", format));
    }
}
