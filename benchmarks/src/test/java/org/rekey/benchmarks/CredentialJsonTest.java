package org.rekey.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The benchmarked plaintext is the 1 KiB credential the issue asks for. */
class CredentialJsonTest {

    @Test
    void oneKib_isExactly1024Utf8Bytes() {
        assertThat(CredentialJson.oneKib().getBytes(StandardCharsets.UTF_8)).hasSize(1024);
    }

    @Test
    void oneKib_isOneJsonObjectWithTheCredentialFields() {
        String json = CredentialJson.oneKib();

        assertThat(json).startsWith("{\"clientId\":").endsWith("\"}}")
                .contains("\"clientSecret\":", "\"oauthTokenData\":{", "\"access_token\":\"ya29.");
        assertThat(json.chars().filter(c -> c == '"').count() % 2).isZero();
    }

    @Test
    void oneKib_isTheSameOnEveryCall() {
        assertThat(CredentialJson.oneKib()).isEqualTo(CredentialJson.oneKib());
    }
}
