package org.rekey.domain.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rekey.domain.crypto.FormatVectors.INSTANCE_KEY_1;
import static org.rekey.domain.crypto.FormatVectors.INSTANCE_KEY_2;
import static org.rekey.domain.crypto.FormatVectors.hex;
import static org.rekey.domain.error.RekeyAssertions.assertRejected;

import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rekey.domain.error.ErrorCode;

/** Legacy CBC pinned to committed vectors (openssl -S, and n8n's own), and its rejections. */
class LegacyCbcVectorsTest {

    static Stream<Arguments> opensslVectors() {
        return Stream.of(
                Arguments.of(INSTANCE_KEY_1, "0001020304050607", "random-string", FormatVectors.LEGACY_1),
                Arguments.of(INSTANCE_KEY_2, "f0e1d2c3b4a59687", FormatVectors.MULTI_BYTE, FormatVectors.LEGACY_2),
                Arguments.of(INSTANCE_KEY_1, "0000000000000000", "", FormatVectors.LEGACY_3));
    }

    @ParameterizedTest
    @MethodSource("opensslVectors")
    void encrypt_withFixedSalt_writesExactlyWhatOpensslWrites(String password, String salt, String plaintext,
            String expected) {
        assertThat(LegacyCbc.encrypt(password, hex(salt), plaintext)).isEqualTo(expected);
    }

    @ParameterizedTest
    @MethodSource("opensslVectors")
    void decrypt_readsOpensslVectors(String password, String salt, String plaintext, String value) {
        assertThat(LegacyCbc.decrypt(password, value)).isEqualTo(plaintext);
    }

    @Test
    void documentedDerivation_evpBytesToKeyMd5_reproducesVector1WithThePlainJdk() throws Exception {
        // FORMAT.md: P = latin1(password) || salt, D1 = MD5(P), D2 = MD5(D1 || P), D3 = MD5(D2 || P)
        byte[] p = concat(INSTANCE_KEY_1.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), hex("0001020304050607"));
        java.security.MessageDigest md5 = java.security.MessageDigest.getInstance("MD5");
        byte[] d1 = md5.digest(p);
        byte[] d2 = md5.digest(concat(d1, p));
        byte[] d3 = md5.digest(concat(d2, p));
        assertThat(concat(d1, d2)).isEqualTo(hex("e52b9251bfb73b38e8423ade84750b40fd9e5ad5ae9a19cbd5e1a1c744aa9afc"));
        assertThat(d3).isEqualTo(hex("624833283ac68429a4278a56535aefd9"));

        javax.crypto.Cipher cbc = javax.crypto.Cipher.getInstance("AES/CBC/PKCS5Padding");
        cbc.init(javax.crypto.Cipher.DECRYPT_MODE, new javax.crypto.spec.SecretKeySpec(concat(d1, d2), "AES"),
                new javax.crypto.spec.IvParameterSpec(d3));
        byte[] raw = Base64.getDecoder().decode(FormatVectors.LEGACY_1);
        assertThat(new String(cbc.doFinal(raw, 16, raw.length - 16), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("random-string");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void decrypt_readsTheValueFromN8nsOwnTestSuite() {
        assertThat(LegacyCbc.decrypt(INSTANCE_KEY_1, FormatVectors.LEGACY_N8N)).isEqualTo("random-string");
        assertThat(LegacyCbc.encrypt(INSTANCE_KEY_1, hex("78544a17dbba37fb"), "random-string"))
                .isEqualTo(FormatVectors.LEGACY_N8N);
    }

    @Test
    void passwordOutsideLatin1_isReadLikeN8nReadsIt_eachCharTruncatedToItsLowByte() {
        // n8n: Buffer.from(password, 'binary') keeps the low byte of each UTF-16 unit ('€' U+20AC -> 0xAC).
        assertThat(LegacyCbc.encrypt(FormatVectors.NON_LATIN1_PASSWORD, hex("0102030405060708"), "random-string"))
                .isEqualTo(FormatVectors.LEGACY_NON_LATIN1);
        assertThat(LegacyCbc.decrypt(FormatVectors.NON_LATIN1_PASSWORD, FormatVectors.LEGACY_NON_LATIN1))
                .isEqualTo("random-string");
    }

    @Test
    void encrypt_withoutSalt_drawsAFreshSaltEachTime() {
        String a = LegacyCbc.encrypt(INSTANCE_KEY_1, "same plaintext");
        String b = LegacyCbc.encrypt(INSTANCE_KEY_1, "same plaintext");

        assertThat(a).isNotEqualTo(b);
        assertThat(LegacyCbc.decrypt(INSTANCE_KEY_1, a)).isEqualTo(LegacyCbc.decrypt(INSTANCE_KEY_1, b));
    }

    @Test
    void encrypt_rejectsASaltThatIsNot8Bytes() {
        assertThatThrownBy(() -> LegacyCbc.encrypt(INSTANCE_KEY_1, new byte[7], "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void decrypt_underAWrongPassword_failsWithDecryptionFailed() {
        assertRejected(ErrorCode.DECRYPTION_FAILED, () -> LegacyCbc.decrypt("wrong", FormatVectors.LEGACY_1));
        assertRejected(ErrorCode.DECRYPTION_FAILED, () -> LegacyCbc.decrypt(INSTANCE_KEY_1, FormatVectors.LEGACY_2));
        assertRejected(ErrorCode.DECRYPTION_FAILED, () -> LegacyCbc.decrypt("wrong", FormatVectors.LEGACY_3));
    }

    @Test
    void decrypt_ofAChangedLastBlock_failsWithDecryptionFailed() {
        byte[] raw = Base64.getDecoder().decode(FormatVectors.LEGACY_2);
        raw[raw.length - 1] ^= 0x01;

        assertRejected(ErrorCode.DECRYPTION_FAILED,
                () -> LegacyCbc.decrypt(INSTANCE_KEY_2, Base64.getEncoder().encodeToString(raw)));
    }

    @Test
    void decrypt_ofTextThatIsNotBase64_failsWithMalformedValue() {
        assertRejected(ErrorCode.MALFORMED_VALUE, () -> LegacyCbc.decrypt(INSTANCE_KEY_1, "not base64 at all!"));
    }

    @Test
    void decrypt_withoutTheSaltedHeader_failsWithMalformedValue() {
        String noHeader = Base64.getEncoder().encodeToString(new byte[32]);

        assertRejected(ErrorCode.MALFORMED_VALUE, () -> LegacyCbc.decrypt(INSTANCE_KEY_1, noHeader));
    }

    @Test
    void decrypt_ofAHeaderWithoutData_failsWithMalformedValue() {
        String headerOnly = Base64.getEncoder().encodeToString(
                java.util.Arrays.copyOf(Base64.getDecoder().decode(FormatVectors.LEGACY_1), 16));

        assertRejected(ErrorCode.MALFORMED_VALUE, () -> LegacyCbc.decrypt(INSTANCE_KEY_1, headerOnly));
    }

    @Test
    void decrypt_ofATruncatedValue_failsWithMalformedValue() {
        byte[] raw = Base64.getDecoder().decode(FormatVectors.LEGACY_2);
        String truncated = Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(raw, raw.length - 5));

        assertRejected(ErrorCode.MALFORMED_VALUE, () -> LegacyCbc.decrypt(INSTANCE_KEY_2, truncated));
    }

    @Test
    void looksLike_recognisesTheSaltedHeaderOnly() {
        assertThat(LegacyCbc.looksLike(Base64.getDecoder().decode(FormatVectors.LEGACY_1))).isTrue();
        assertThat(LegacyCbc.looksLike(Base64.getDecoder().decode(FormatVectors.GCM_1))).isFalse();
        assertThat(LegacyCbc.looksLike(new byte[3])).isFalse();
    }
}
