package org.rekey.domain.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Random;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.junit.jupiter.api.Test;

/**
 * {@link GcmV1} against an independent GCM v1 built on BouncyCastle's {@code GCMBlockCipher} and
 * {@code HKDFBytesGenerator}, in both directions, and the byte layout {@code 0x01 || salt || tag || ct}.
 */
class GcmV1CrossCheckTest {

    private static final int[] LENGTHS = {0, 1, 15, 16, 17, 31, 32, 33, 255, 1_000, 65_537, Plaintexts.ONE_MIB};

    private final Random random = new Random(49);

    @Test
    void valuesRekeySeals_openWithTheIndependentImplementation() throws InvalidCipherTextException {
        for (int length : LENGTHS) {
            byte[] key = Plaintexts.randomBytes(random, 32);
            byte[] plaintext = Plaintexts.randomBytes(random, length);

            byte[] sealed = GcmV1.seal(key, plaintext);

            assertThat(BouncyCastleReference.gcmV1Open(key, sealed)).as("length %d", length).isEqualTo(plaintext);
        }
    }

    @Test
    void valuesTheIndependentImplementationSeals_openWithRekey() {
        for (int length : LENGTHS) {
            byte[] key = Plaintexts.randomBytes(random, 32);
            byte[] salt = Plaintexts.randomBytes(random, 32);
            byte[] plaintext = Plaintexts.randomBytes(random, length);

            byte[] sealed = BouncyCastleReference.gcmV1Seal(key, salt, plaintext);

            assertThat(GcmV1.open(key, sealed)).as("length %d", length).isEqualTo(plaintext);
        }
    }

    @Test
    void sealWithAGivenSalt_isByteForByteTheIndependentImplementationsOutput() {
        for (int i = 0; i < 50; i++) {
            byte[] key = Plaintexts.randomBytes(random, 32);
            byte[] salt = Plaintexts.randomBytes(random, 32);
            byte[] plaintext = Plaintexts.randomBytes(random, random.nextInt(200));

            assertThat(FixedSaltGcm.seal(key, salt, plaintext))
                    .isEqualTo(BouncyCastleReference.gcmV1Seal(key, salt, plaintext));
        }
    }

    @Test
    void seal_layoutIsVersionThenSaltThenTagThenCiphertext() {
        byte[] key = Plaintexts.randomBytes(random, 32);
        byte[] salt = Plaintexts.randomBytes(random, 32);
        byte[] plaintext = Plaintexts.randomBytes(random, 40);

        byte[] sealed = FixedSaltGcm.seal(key, salt, plaintext);

        assertThat(sealed).hasSize(1 + 32 + 16 + 40);
        assertThat(sealed[0]).isEqualTo((byte) 0x01);
        assertThat(Arrays.copyOfRange(sealed, 1, 33)).isEqualTo(salt);
        assertThat(Arrays.copyOfRange(sealed, 49, sealed.length)).isNotEqualTo(plaintext);
    }

    @Test
    void seal_drawsAFreshSaltForEveryMessage() {
        byte[] key = Plaintexts.randomBytes(random, 32);
        byte[] plaintext = "same plaintext".getBytes(java.nio.charset.StandardCharsets.UTF_8);

        byte[] a = GcmV1.seal(key, plaintext);
        byte[] b = GcmV1.seal(key, plaintext);

        assertThat(Arrays.copyOfRange(a, 1, 33)).isNotEqualTo(Arrays.copyOfRange(b, 1, 33));
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void seal_rejectsAKeyOrSaltOfTheWrongLength() {
        assertThatThrownBy(() -> GcmV1.seal(new byte[31], new byte[1])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FixedSaltGcm.seal(new byte[32], new byte[16], new byte[1]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GcmV1.open(new byte[16], new byte[60])).isInstanceOf(IllegalArgumentException.class);
    }
}
