package org.rekey.domain.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rekey.domain.error.RekeyAssertions.assertRejected;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rekey.domain.error.ErrorCode;

/**
 * Legacy CBC against the real {@code openssl} command line, run now (not recorded): what rekey writes
 * openssl reads, and what openssl writes rekey reads. The tests fail, never skip, without openssl.
 */
class LegacyCbcOpensslTest {

    private static final String PASSWORD = "Yr5Wx3q9mT1dP8sK2vL6nB4hJ0fG7cZe";

    static Stream<String> plaintexts() {
        Random random = new Random(20_250_101);
        return Stream.of(
                "",
                "x",
                "exactly 16 bytes",
                "{\"user\":\"admin\",\"password\":\"hunter2\"}",
                FormatVectors.MULTI_BYTE,
                "ключ 🔑 鍵 clé — 𝄞",
                Plaintexts.randomUtf8(random, 1_000),
                Plaintexts.randomUtf8OfAtLeast(random, 100_000));
    }

    @ParameterizedTest
    @MethodSource("plaintexts")
    void valuesRekeyWrites_decryptWithOpenssl(String plaintext) {
        String value = LegacyCbc.encrypt(PASSWORD, plaintext);

        byte[] decrypted = OpensslCli.decrypt(PASSWORD, value);

        assertThat(new String(decrypted, StandardCharsets.UTF_8)).isEqualTo(plaintext);
    }

    @ParameterizedTest
    @MethodSource("plaintexts")
    void valuesOpensslWrites_decryptWithRekey(String plaintext) {
        String value = OpensslCli.encrypt(PASSWORD, plaintext.getBytes(StandardCharsets.UTF_8));

        assertThat(LegacyCbc.decrypt(PASSWORD, value)).isEqualTo(plaintext);
    }

    @Test
    void valuesOpensslWrites_startWithTheSaltedHeader_likeRekeys() {
        String fromOpenssl = OpensslCli.encrypt(PASSWORD, "a".getBytes(StandardCharsets.UTF_8));
        String fromRekey = LegacyCbc.encrypt(PASSWORD, "a");

        assertThat(fromOpenssl).startsWith("U2FsdGVkX1"); // base64 of "Salted__"
        assertThat(fromRekey).startsWith("U2FsdGVkX1");
        assertThat(fromRekey).hasSameSizeAs(fromOpenssl);
    }

    @Test
    void opensslValue_underAnotherPassword_isRejected_notReturnedAsGarbage() {
        List<String> values = List.of(
                OpensslCli.encrypt(PASSWORD, "{\"token\":\"abc\"}".getBytes(StandardCharsets.UTF_8)),
                OpensslCli.encrypt(PASSWORD, "another secret value".getBytes(StandardCharsets.UTF_8)));

        for (String value : values) {
            assertRejected(ErrorCode.DECRYPTION_FAILED, () -> LegacyCbc.decrypt("not-the-password", value));
        }
    }

    @Test
    void correctlyPaddedValue_thatIsNotUtf8_isRejected_notReturnedAsGarbage() {
        // Right password, valid padding, but the plaintext bytes are not UTF-8: rekey must not invent text.
        byte[] notUtf8 = {(byte) 0xc3, 0x28, (byte) 0xff, (byte) 0xfe, 0x41};
        String value = OpensslCli.encrypt(PASSWORD, notUtf8);

        assertRejected(ErrorCode.DECRYPTION_FAILED, () -> LegacyCbc.decrypt(PASSWORD, value));
    }
}
