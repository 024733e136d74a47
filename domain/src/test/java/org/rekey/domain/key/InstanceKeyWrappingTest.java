package org.rekey.domain.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rekey.domain.error.RekeyAssertions.assertRejected;
import static org.rekey.domain.key.KeyringFixtures.INSTANCE_KEY;
import static org.rekey.domain.key.KeyringFixtures.OTHER_INSTANCE_KEY;
import static org.rekey.domain.key.KeyringFixtures.active;
import static org.rekey.domain.key.KeyringFixtures.legacyRow;
import static org.rekey.domain.key.KeyringFixtures.seeded;
import static org.rekey.domain.key.KeyringFixtures.unwrapIndependently;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rekey.domain.crypto.BouncyCastleReference;
import org.rekey.domain.crypto.FormatVectors;
import org.rekey.domain.error.ErrorCode;
import org.rekey.domain.error.RekeyException;

/**
 * The wrapped data key format, proven by unwrapping independently (JDK SHA-256 + BouncyCastle GCM):
 * GCM v1 under SHA-256(UTF-8(instance key)) of the material as 64 lowercase hex characters.
 */
class InstanceKeyWrappingTest {

    @Test
    void wrappedDataKey_unwrapsIndependently_to64LowercaseHexCharacters() throws Exception {
        DataKey key = active(seeded());

        byte[] unwrapped = unwrapIndependently(FormatVectors.INSTANCE_KEY_2, key.wrappedValue());

        assertThat(new String(unwrapped, StandardCharsets.US_ASCII)).matches("[0-9a-f]{64}");
    }

    @Test
    void unwrappedMaterial_isTheKeyThatEncryptsTheKeyringsValues() throws Exception {
        Keyring keyring = seeded();
        DataKey key = active(keyring);
        byte[] material = HexFormat.of().parseHex(
                new String(unwrapIndependently(FormatVectors.INSTANCE_KEY_2, key.wrappedValue()), StandardCharsets.US_ASCII));

        String value = keyring.encrypt("{\"token\":\"abc\"}", WriteFormat.ACTIVE_KEY);
        String ciphertext = value.substring(value.indexOf(':') + 1);
        byte[] plain = BouncyCastleReference.gcmV1Open(material, Base64.getDecoder().decode(ciphertext));

        assertThat(value).startsWith(key.id().value() + ":");
        assertThat(new String(plain, StandardCharsets.UTF_8)).isEqualTo("{\"token\":\"abc\"}");
    }

    @Test
    void legacyRow_wrapsTheInstanceKeyStringItself() throws Exception {
        DataKey row = legacyRow(seeded());

        byte[] unwrapped = unwrapIndependently(FormatVectors.INSTANCE_KEY_2, row.wrappedValue());

        assertThat(new String(unwrapped, StandardCharsets.UTF_8)).isEqualTo(FormatVectors.INSTANCE_KEY_2);
    }

    @Test
    void wrapping_isUtf8OfTheInstanceKey_notLatin1() throws Exception {
        String nonAscii = "schlüssel-ключ-🔑";
        Keyring keyring = Keyring.seed(InstanceKey.of(nonAscii), KeyringFixtures.T0, KeyringFixtures.RANDOM);

        byte[] unwrapped = unwrapIndependently(nonAscii, legacyRow(keyring).wrappedValue());

        assertThat(new String(unwrapped, StandardCharsets.UTF_8)).isEqualTo(nonAscii);
    }

    @Test
    void wrap_drawsAFreshSaltEachTime() {
        byte[] secret = "00".repeat(32).getBytes(StandardCharsets.US_ASCII);

        assertThat(INSTANCE_KEY.wrap(secret)).isNotEqualTo(INSTANCE_KEY.wrap(secret));
    }

    @Test
    void unwrap_underAnotherInstanceKey_failsWithWrongInstanceKey_namingTheKeyNotTheSecret() {
        DataKey key = active(seeded());

        RekeyException e = assertRejected(ErrorCode.WRONG_INSTANCE_KEY,
                () -> OTHER_INSTANCE_KEY.unwrap(key.id(), key.wrappedValue()));

        assertThat(e.getMessage()).contains(key.id().value()).contains("N8N_ENCRYPTION_KEY")
                .doesNotContain(key.wrappedValue()).doesNotContain(FormatVectors.INSTANCE_KEY_2);
    }

    @Test
    void reconstitute_underAnotherInstanceKey_failsWithWrongInstanceKey() {
        List<DataKey> stored = seeded().keys();

        assertRejected(ErrorCode.WRONG_INSTANCE_KEY, () -> Keyring.reconstitute(OTHER_INSTANCE_KEY, stored));
    }

    @Test
    void unwrap_ofAValueThatIsNotBase64_failsWithMalformedValue() {
        assertRejected(ErrorCode.MALFORMED_VALUE, () -> INSTANCE_KEY.unwrap(new DataKeyId("k1"), "%%%not base64%%%"));
    }

    @Test
    void of_rejectsAnEmptyBlankOrMissingKey() {
        assertRejected(ErrorCode.INVALID_INPUT, () -> InstanceKey.of(""));
        assertRejected(ErrorCode.INVALID_INPUT, () -> InstanceKey.of("   "));
        assertRejected(ErrorCode.INVALID_INPUT, () -> InstanceKey.of(null));
    }

    @Test
    void sameAs_comparesTheKeyString() {
        assertThat(InstanceKey.of("abc").sameAs(InstanceKey.of("abc"))).isTrue();
        assertThat(InstanceKey.of("abc").sameAs(InstanceKey.of("abd"))).isFalse();
        assertThat(InstanceKey.of("abc")).isEqualTo(InstanceKey.of("abc")).isNotEqualTo(InstanceKey.of("ab"));
    }

    @Test
    void legacyEncryption_isLegacyCbcUnderTheInstanceKeyString() {
        InstanceKey key = InstanceKey.of(FormatVectors.INSTANCE_KEY_1);

        assertThat(key.decryptLegacy(FormatVectors.LEGACY_1)).isEqualTo("random-string");
        assertThat(key.decryptLegacy(key.encryptLegacy("ключ 🔑"))).isEqualTo("ключ 🔑");
    }
}
