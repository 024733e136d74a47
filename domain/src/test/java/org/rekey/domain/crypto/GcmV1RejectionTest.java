package org.rekey.domain.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rekey.domain.error.RekeyAssertions.assertRejected;

import java.util.Arrays;
import java.util.Base64;
import java.util.BitSet;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.rekey.domain.error.ErrorCode;
import org.rekey.domain.error.RekeyException;

/**
 * What {@link GcmV1#open} refuses, with which code. A changed bit never yields a plaintext: it fails
 * with {@code DECRYPTION_FAILED}, except in the version byte, where the value no longer claims to be
 * version 1 and fails first, with {@code UNSUPPORTED_VERSION} (as n8n checks the version before the tag).
 */
class GcmV1RejectionTest {

    private final Random random = new Random(1);
    private final byte[] key = Plaintexts.randomBytes(random, 32);

    @Test
    void open_ofFewerThan49Bytes_failsWithMalformedValue() {
        byte[] valid = GcmV1.seal(key, new byte[0]);
        for (int length = 0; length < 49; length++) {
            byte[] truncated = Arrays.copyOf(valid, length);

            RekeyException e = assertRejected(ErrorCode.MALFORMED_VALUE, () -> GcmV1.open(key, truncated));
            assertThat(e.getMessage()).contains("too short");
        }
    }

    @Test
    void open_ofExactly49Bytes_isTheEmptyPlaintext() {
        assertThat(GcmV1.open(key, GcmV1.seal(key, new byte[0]))).isEmpty();
    }

    @Test
    void open_ofAnotherVersionByte_failsWithUnsupportedVersion() {
        byte[] sealed = GcmV1.seal(key, "secret".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        for (int version : new int[] {0x00, 0x02, 0x7f, 0x80, 0xff}) {
            byte[] other = sealed.clone();
            other[0] = (byte) version;

            RekeyException e = assertRejected(ErrorCode.UNSUPPORTED_VERSION, () -> GcmV1.open(key, other));
            assertThat(e.getMessage()).contains("version " + version);
        }
    }

    @Test
    void open_underAWrongKey_failsWithDecryptionFailed() {
        byte[] sealed = GcmV1.seal(key, "secret".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        byte[] otherKey = key.clone();
        otherKey[31] ^= 0x01;

        assertRejected(ErrorCode.DECRYPTION_FAILED, () -> GcmV1.open(otherKey, sealed));
        assertRejected(ErrorCode.DECRYPTION_FAILED, () -> GcmV1.open(new byte[32], sealed));
    }

    @Test
    void open_ofATruncatedButLongEnoughValue_failsWithDecryptionFailed() {
        byte[] sealed = GcmV1.seal(key, "a longer secret value".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertRejected(ErrorCode.DECRYPTION_FAILED, () -> GcmV1.open(key, Arrays.copyOf(sealed, sealed.length - 1)));
        assertRejected(ErrorCode.DECRYPTION_FAILED, () -> GcmV1.open(key, Arrays.copyOf(sealed, 49)));
    }

    @Test
    void open_ofAValueWithABytePastTheEnd_failsWithDecryptionFailed() {
        byte[] sealed = GcmV1.seal(key, "secret".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertRejected(ErrorCode.DECRYPTION_FAILED, () -> GcmV1.open(key, Arrays.copyOf(sealed, sealed.length + 1)));
    }

    @Test
    void flippingAnySingleBit_ofAShortValue_isRejected() {
        byte[] sealed = GcmV1.seal(key, "short secret".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        for (int bit = 0; bit < sealed.length * 8; bit++) {
            assertFlipRejected(sealed, bit);
        }
    }

    @Test
    void flippingSampledSingleBits_ofALongValue_isRejected() {
        byte[] sealed = GcmV1.seal(key, Plaintexts.randomBytes(random, 64 * 1024));
        int bits = sealed.length * 8;
        BitSet sampled = new BitSet(bits);
        // every bit of the header (version, salt, tag), the first and last ciphertext bytes, and 300 at random
        sampled.set(0, GcmV1.HEADER_LENGTH * 8 + 8);
        sampled.set(bits - 8, bits);
        for (int i = 0; i < 300; i++) {
            sampled.set(random.nextInt(bits));
        }

        sampled.stream().forEach(bit -> assertFlipRejected(sealed, bit));
    }

    @Test
    void flippingABitOfTheBase64Text_isRejected_neverGarbage() {
        String text = Base64.getEncoder().encodeToString(
                GcmV1.seal(key, "{\"token\":\"abc\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8)));

        byte[] original = Base64.getDecoder().decode(text);
        // from the first character after the version byte up to the last one that carries only data bits
        for (int i = 2; i < text.length() - 3; i++) {
            char[] changed = text.toCharArray();
            changed[i] = changed[i] == 'A' ? 'B' : 'A';
            byte[] raw = Base64.getDecoder().decode(new String(changed));
            assertThat(raw).isNotEqualTo(original);

            assertRejected(ErrorCode.DECRYPTION_FAILED, () -> GcmV1.open(key, raw));
        }
    }

    private void assertFlipRejected(byte[] sealed, int bit) {
        byte[] changed = sealed.clone();
        changed[bit / 8] ^= (byte) (1 << (bit % 8));
        ErrorCode expected = bit < 8 ? ErrorCode.UNSUPPORTED_VERSION : ErrorCode.DECRYPTION_FAILED;

        RekeyException e = assertRejected(expected, () -> GcmV1.open(key, changed));
        assertThat(e.getMessage()).as("bit %d", bit).doesNotContain(Base64.getEncoder().encodeToString(changed));
    }
}
