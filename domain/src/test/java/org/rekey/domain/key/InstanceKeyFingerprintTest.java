package org.rekey.domain.key;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class InstanceKeyFingerprintTest {

    @Test
    void fingerprint_isTheFirst8HexOfAPrefixedSha256() throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256")
                .digest("rekey instance key fingerprint:my-key".getBytes(StandardCharsets.UTF_8));

        assertThat(InstanceKey.of("my-key").fingerprint()).isEqualTo(HexFormat.of().formatHex(digest, 0, 4))
                .matches("[0-9a-f]{8}");
    }

    @Test
    void fingerprint_tellsKeysApart_andIsNotThePrefixOfTheWrappingKey() throws Exception {
        byte[] wrappingKey = MessageDigest.getInstance("SHA-256").digest("my-key".getBytes(StandardCharsets.UTF_8));

        assertThat(InstanceKey.of("my-key").fingerprint()).isNotEqualTo(InstanceKey.of("my-key2").fingerprint())
                .isNotEqualTo(HexFormat.of().formatHex(wrappingKey, 0, 4));
    }
}
