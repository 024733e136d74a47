package org.rekey.domain.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rekey.domain.crypto.FormatVectors.filled;
import static org.rekey.domain.crypto.FormatVectors.hex;
import static org.rekey.domain.crypto.FormatVectors.sequence;

import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Hkdf} against RFC 5869's HKDF-SHA256 vectors and against BouncyCastle's {@code HKDFBytesGenerator}. */
class HkdfTest {

    /** RFC 5869, Appendix A, test cases 1 to 3 (SHA-256). */
    static Stream<Arguments> rfc5869() {
        return Stream.of(
                Arguments.of("case 1: basic", filled(0x0b, 22), sequence(0x00, 13), sequence(0xf0, 10), 42,
                        "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865"),
                Arguments.of("case 2: longer inputs and outputs", sequence(0x00, 80), sequence(0x60, 80),
                        sequence(0xb0, 80), 82,
                        "b11e398dc80327a1c8e7f78c596a49344f012eda2d4efad8a050cc4c19afa97c"
                                + "59045a99cac7827271cb41c65e590e09da3275600c2f09b8367793a9aca3db71"
                                + "cc30c58179ec3e87c14c01d5c1f3434f1d87"),
                Arguments.of("case 3: zero-length salt and info", filled(0x0b, 22), new byte[0], new byte[0], 42,
                        "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rfc5869")
    void deriveSha256_matchesRfc5869(String name, byte[] ikm, byte[] salt, byte[] info, int length, String okm) {
        assertThat(Hkdf.deriveSha256(ikm, salt, info, length)).isEqualTo(hex(okm));
    }

    @Test
    void deriveSha256_matchesBouncyCastle_forRandomInputsAndLengths() {
        Random random = new Random(5869);
        for (int i = 0; i < 300; i++) {
            byte[] ikm = Plaintexts.randomBytes(random, random.nextInt(100));
            byte[] salt = Plaintexts.randomBytes(random, random.nextInt(100));
            byte[] info = Plaintexts.randomBytes(random, random.nextInt(100));
            int length = 1 + random.nextInt(300);

            assertThat(Hkdf.deriveSha256(ikm, salt, info, length))
                    .as("ikm %d bytes, salt %d, info %d, L %d", ikm.length, salt.length, info.length, length)
                    .isEqualTo(BouncyCastleReference.hkdfSha256(ikm, salt, info, length));
        }
    }

    @Test
    void deriveSha256_matchesBouncyCastle_atTheLargestLength() {
        byte[] ikm = sequence(1, 32);
        byte[] salt = sequence(2, 32);
        byte[] info = "n8n-encryption-v1".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

        assertThat(Hkdf.deriveSha256(ikm, salt, info, 8160))
                .isEqualTo(BouncyCastleReference.hkdfSha256(ikm, salt, info, 8160));
    }

    @Test
    void gcmV1Derivation_ofVectorGcm1_isTheDocumentedKeyAndIv() {
        byte[] okm = Hkdf.deriveSha256(FormatVectors.GCM_KEY_1, sequence(0xa0, 32),
                "n8n-encryption-v1".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 44);

        assertThat(okm).isEqualTo(hex("2aeb2f6e2abbeca23bae44bbd09ce5db2fc2b554552b0ee17e374ab90616f066"
                + "1e8e2c1bacc81a01fe95b311"));
    }

    @Test
    void deriveSha256_withEmptySalt_equalsAZeroFilledSaltOfHashLength() {
        byte[] ikm = sequence(7, 32);

        assertThat(Hkdf.deriveSha256(ikm, new byte[0], new byte[0], 44))
                .isEqualTo(Hkdf.deriveSha256(ikm, new byte[32], new byte[0], 44));
    }

    @Test
    void deriveSha256_isAPrefixOfALongerDerivation() {
        byte[] ikm = sequence(3, 32);
        byte[] salt = sequence(4, 32);

        byte[] shortOkm = Hkdf.deriveSha256(ikm, salt, new byte[0], 44);
        byte[] longOkm = Hkdf.deriveSha256(ikm, salt, new byte[0], 100);

        assertThat(java.util.Arrays.copyOf(longOkm, 44)).isEqualTo(shortOkm);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 8161})
    void deriveSha256_rejectsLengthsOutside1To8160(int length) {
        assertThatThrownBy(() -> Hkdf.deriveSha256(new byte[32], new byte[32], new byte[0], length))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1..8160");
    }
}
