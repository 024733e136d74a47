package org.rekey.domain.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rekey.domain.key.KeyringFixtures.INSTANCE_KEY;
import static org.rekey.domain.key.KeyringFixtures.OTHER_INSTANCE_KEY;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.rekey.domain.error.ErrorCode;
import org.rekey.domain.error.RekeyException;

/** Secrets protected directly by the instance key (n8n's signing keys) move to a new instance key unchanged. */
class InstanceKeyReprotectTest {

    @Test
    void reprotect_wrappedSecret_unwrapsUnderTheNewKeyToTheSameBytes() throws Exception {
        String wrapped = INSTANCE_KEY.wrap("hmac-secret".getBytes(StandardCharsets.UTF_8));

        String moved = INSTANCE_KEY.reprotect(wrapped, OTHER_INSTANCE_KEY, "signing.hmac");

        assertThat(KeyringFixtures.unwrapIndependently("a-different-instance-key-0123456789", moved))
                .asString(StandardCharsets.UTF_8).isEqualTo("hmac-secret");
    }

    @Test
    void reprotect_legacySecret_staysLegacyUnderTheNewKey() {
        String legacy = INSTANCE_KEY.encryptLegacy("{\"kty\":\"RSA\"}");

        String moved = INSTANCE_KEY.reprotect(legacy, OTHER_INSTANCE_KEY, "jwe.private-key");

        assertThat(moved).startsWith("U2FsdGVk");
        assertThat(OTHER_INSTANCE_KEY.decryptLegacy(moved)).isEqualTo("{\"kty\":\"RSA\"}");
    }

    @Test
    void reprotect_underTheWrongKey_failsNamingTheSecretOnly() {
        String wrapped = OTHER_INSTANCE_KEY.wrap("hmac-secret".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> INSTANCE_KEY.reprotect(wrapped, OTHER_INSTANCE_KEY, "signing.hmac"))
                .isInstanceOfSatisfying(RekeyException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.WRONG_INSTANCE_KEY);
                    assertThat(e.getMessage()).contains("signing.hmac").doesNotContain("hmac-secret");
                });
    }
}
