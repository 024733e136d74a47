package org.rekey.domain.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Property-style round trips through both ciphers, for random plaintexts from empty to 1 MiB. */
class CipherRoundTripTest {

    private static final long SEED = 0x5eed_c1f3L;

    @Test
    void gcmV1_roundTripsRandomBytes() {
        Random random = new Random(SEED);
        byte[] key = Plaintexts.randomBytes(random, 32);
        int[] lengths = {0, 1, 2, 15, 16, 17, Plaintexts.ONE_MIB};
        for (int length : lengths) {
            byte[] plaintext = Plaintexts.randomBytes(random, length);
            assertThat(GcmV1.open(key, GcmV1.seal(key, plaintext))).as("length %d", length).isEqualTo(plaintext);
        }
        for (int i = 0; i < 200; i++) {
            byte[] plaintext = Plaintexts.randomBytes(random, random.nextInt(2_000));
            assertThat(GcmV1.open(key, GcmV1.seal(key, plaintext))).isEqualTo(plaintext);
        }
    }

    @Test
    void gcmV1_roundTripsUtf8Text() {
        Random random = new Random(SEED);
        byte[] key = Plaintexts.randomBytes(random, 32);
        for (String text : Plaintexts.samples(random, 100)) {
            byte[] opened = GcmV1.open(key, GcmV1.seal(key, text.getBytes(StandardCharsets.UTF_8)));
            assertThat(new String(opened, StandardCharsets.UTF_8)).isEqualTo(text);
        }
    }

    @Test
    void legacyCbc_roundTripsUtf8Text() {
        Random random = new Random(SEED);
        String password = FormatVectors.INSTANCE_KEY_2;
        for (String text : Plaintexts.samples(random, 100)) {
            assertThat(LegacyCbc.decrypt(password, LegacyCbc.encrypt(password, text))).isEqualTo(text);
        }
    }

    @Test
    void legacyCbc_roundTripsUnderLatin1AndRandomAsciiPasswords() {
        Random random = new Random(SEED);
        for (int i = 0; i < 50; i++) {
            String password = i == 0 ? "pässwörd-ÄÖÜ" : randomAscii(random, 1 + random.nextInt(64));
            String text = Plaintexts.randomUtf8(random, random.nextInt(100));
            assertThat(LegacyCbc.decrypt(password, LegacyCbc.encrypt(password, text))).isEqualTo(text);
        }
    }

    private static String randomAscii(Random random, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append((char) (0x21 + random.nextInt(0x7e - 0x21 + 1)));
        }
        return text.toString();
    }
}
