package org.rekey.domain.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rekey.domain.crypto.FormatVectors.filled;
import static org.rekey.domain.crypto.FormatVectors.sequence;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** GCM v1 pinned to the committed vectors of FORMAT.md (made with Node.js crypto, not with rekey). */
class GcmV1VectorsTest {

    static Stream<Arguments> vectors() {
        return Stream.of(
                Arguments.of("GCM_1", FormatVectors.GCM_KEY_1, sequence(0xa0, 32), "random-string", FormatVectors.GCM_1),
                Arguments.of("GCM_2", FormatVectors.GCM_KEY_2, filled(0x00, 32), FormatVectors.MULTI_BYTE,
                        FormatVectors.GCM_2),
                Arguments.of("GCM_3", FormatVectors.GCM_KEY_1, filled(0xff, 32), "", FormatVectors.GCM_3));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void sealWithFixedSalt_writesTheVector(String name, byte[] key, byte[] salt, String plaintext, String expected) {
        byte[] sealed = FixedSaltGcm.seal(key, salt, plaintext.getBytes(StandardCharsets.UTF_8));

        assertThat(Base64.getEncoder().encodeToString(sealed)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void open_readsTheVector(String name, byte[] key, byte[] salt, String plaintext, String value) {
        byte[] opened = GcmV1.open(key, Base64.getDecoder().decode(value));

        assertThat(new String(opened, StandardCharsets.UTF_8)).isEqualTo(plaintext);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void theIndependentImplementation_agreesWithTheVector(String name, byte[] key, byte[] salt, String plaintext,
            String expected) {
        byte[] sealed = BouncyCastleReference.gcmV1Seal(key, salt, plaintext.getBytes(StandardCharsets.UTF_8));

        assertThat(Base64.getEncoder().encodeToString(sealed)).isEqualTo(expected);
    }

    @Test
    void shortestValue_emptyPlaintext_is49Bytes() {
        assertThat(Base64.getDecoder().decode(FormatVectors.GCM_3)).hasSize(GcmV1.HEADER_LENGTH).hasSize(49);
    }

    @Test
    void sealWithFixedSalt_isDeterministic_whenCalledTwiceInARow() {
        // Test vectors are regenerated at will; a second identical call must give the same bytes, not fail.
        byte[] plaintext = "random-string".getBytes(StandardCharsets.UTF_8);

        byte[] first = FixedSaltGcm.seal(FormatVectors.GCM_KEY_2, sequence(0x10, 32), plaintext);
        byte[] second = FixedSaltGcm.seal(FormatVectors.GCM_KEY_2, sequence(0x10, 32), plaintext);

        assertThat(second).isEqualTo(first);
    }
}
