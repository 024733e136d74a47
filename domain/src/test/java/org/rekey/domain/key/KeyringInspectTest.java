package org.rekey.domain.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rekey.domain.error.RekeyAssertions.assertRejected;
import static org.rekey.domain.key.KeyringFixtures.INSTANCE_KEY;
import static org.rekey.domain.key.KeyringFixtures.RANDOM;
import static org.rekey.domain.key.KeyringFixtures.T0;
import static org.rekey.domain.key.KeyringFixtures.T1;
import static org.rekey.domain.key.KeyringFixtures.active;
import static org.rekey.domain.key.KeyringFixtures.legacyRow;
import static org.rekey.domain.key.KeyringFixtures.seeded;

import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.rekey.domain.crypto.FormatVectors;
import org.rekey.domain.error.ErrorCode;

/** {@code values inspect}: format, key id and key status of a value, told without decrypting it. */
class KeyringInspectTest {

    private final Keyring keyring = seeded();

    @Test
    void inspect_gcmValue_reportsItsKeyAndStatus() {
        String value = keyring.encrypt("secret", WriteFormat.ACTIVE_KEY);

        ValueInfo info = keyring.inspect(value);

        assertThat(info).isEqualTo(new ValueInfo(ValueFormat.GCM_V1, Optional.of(active(keyring).id()),
                Optional.of(KeyStatus.ACTIVE)));
        assertThat(info.format().wireName()).isEqualTo("aes-256-gcm");
    }

    @Test
    void inspect_afterRotation_reportsTheOldKeyAsInactive() {
        String value = keyring.encrypt("secret", WriteFormat.ACTIVE_KEY);

        ValueInfo info = keyring.rotate(T1, RANDOM).keyring().inspect(value);

        assertThat(info.keyId()).contains(active(keyring).id());
        assertThat(info.keyStatus()).contains(KeyStatus.INACTIVE);
    }

    @Test
    void inspect_legacyValue_reportsLegacyWithoutKey() {
        ValueInfo info = keyring.inspect(keyring.encrypt("secret", WriteFormat.LEGACY));

        assertThat(info).isEqualTo(new ValueInfo(ValueFormat.LEGACY, Optional.empty(), Optional.empty()));
        assertThat(info.format().wireName()).isEqualTo("legacy");
    }

    @Test
    void inspect_valueUnderTheLegacyRowId_reportsAes256Cbc() {
        DataKey row = legacyRow(keyring);

        ValueInfo info = keyring.inspect(row.id() + ":" + FormatVectors.LEGACY_2);

        assertThat(info).isEqualTo(new ValueInfo(ValueFormat.KEYED_CBC, Optional.of(row.id()),
                Optional.of(KeyStatus.INACTIVE)));
        assertThat(info.format().wireName()).isEqualTo("aes-256-cbc");
    }

    @Test
    void inspect_valueNamingAnUnknownKey_reportsNoStatus() {
        String elsewhere = Keyring.seed(INSTANCE_KEY, T0, RANDOM).encrypt("x", WriteFormat.ACTIVE_KEY);

        ValueInfo info = keyring.inspect(elsewhere);

        assertThat(info.format()).isEqualTo(ValueFormat.GCM_V1);
        assertThat(info.keyId()).isPresent();
        assertThat(info.keyStatus()).isEmpty();
    }

    @Test
    void inspect_doesNotDecrypt_soAValueWithABrokenTagStillInspects() {
        String value = keyring.encrypt("secret", WriteFormat.ACTIVE_KEY);
        String id = value.substring(0, value.indexOf(':'));
        byte[] raw = Base64.getDecoder().decode(value.substring(id.length() + 1));
        raw[40] ^= 0x01; // inside the tag
        String broken = id + ":" + Base64.getEncoder().encodeToString(raw);

        assertThat(keyring.inspect(broken).format()).isEqualTo(ValueFormat.GCM_V1);
        assertRejected(ErrorCode.DECRYPTION_FAILED, () -> keyring.decrypt(broken));
    }

    @Test
    void inspect_ofAnotherGcmVersion_failsWithUnsupportedVersion() {
        byte[] raw = Base64.getDecoder().decode(FormatVectors.GCM_1);
        raw[0] = 0x02;

        assertRejected(ErrorCode.UNSUPPORTED_VERSION,
                () -> keyring.inspect("k1:" + Base64.getEncoder().encodeToString(raw)));
    }

    @Test
    void inspect_ofMalformedValues_failsWithMalformedValue() {
        String tooShort = "k1:" + Base64.getEncoder().encodeToString(new byte[48]);
        String legacyWithoutHeader = Base64.getEncoder().encodeToString(new byte[64]);

        assertRejected(ErrorCode.MALFORMED_VALUE, () -> keyring.inspect(tooShort));
        assertRejected(ErrorCode.MALFORMED_VALUE, () -> keyring.inspect(legacyWithoutHeader));
        assertRejected(ErrorCode.MALFORMED_VALUE, () -> keyring.inspect("k1:not*base64"));
        assertRejected(ErrorCode.MALFORMED_VALUE, () -> keyring.inspect("k1:a:b"));
    }
}
