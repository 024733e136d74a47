package org.rekey.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.rekey.domain.error.ErrorCode;
import org.rekey.domain.error.RekeyException;
import org.rekey.domain.key.WriteFormat;

/** Proves the GCM reference does n8n's format, not something cheaper: rekey and the reference read each other's values. */
class ReferenceGcmV1CompatibilityTest {

    private final BenchmarkFixture fixture = new BenchmarkFixture();
    private final ReferenceRecordValue reference = new ReferenceRecordValue(fixture.activeKeyId, fixture.activeKey);

    @Test
    void referenceValue_decryptsWithRekeysKeyring() {
        String value = reference.encrypt(fixture.json);

        assertThat(fixture.keyring.decrypt(value)).isEqualTo(fixture.json);
        assertThat(fixture.keyring.isOnActiveKey(value)).isTrue();
    }

    @Test
    void rekeyValue_decryptsWithReference() {
        String value = fixture.keyring.encrypt(fixture.json, WriteFormat.ACTIVE_KEY);

        assertThat(reference.decrypt(value)).isEqualTo(fixture.json);
    }

    @Test
    void referenceValue_hasTheN8nLayoutAndSizeOfRekeysValue() {
        String ours = reference.encrypt(fixture.json);
        String theirs = fixture.keyring.encrypt(fixture.json, WriteFormat.ACTIVE_KEY);

        assertThat(ours).startsWith(fixture.activeKeyId + ":").hasSameSizeAs(theirs);
        byte[] message = Base64.getDecoder().decode(ours.substring(ours.indexOf(':') + 1));
        assertThat(message[0]).isEqualTo((byte) 1);
        assertThat(message).hasSize(1 + 32 + 16 + CredentialJson.SIZE);
    }

    @Test
    void referenceValues_useAFreshSaltEachTime() {
        assertThat(reference.encrypt(fixture.json)).isNotEqualTo(reference.encrypt(fixture.json));
    }

    @Test
    void referenceDecrypt_checksTheTagLikeRekey() {
        String value = fixture.gcmValue;
        byte[] message = Base64.getDecoder().decode(value.substring(value.indexOf(':') + 1));
        message[message.length - 1] ^= 1;
        String tampered = fixture.activeKeyId + ":" + Base64.getEncoder().encodeToString(message);

        assertThatThrownBy(() -> reference.decrypt(tampered)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not authenticate");
        assertThatThrownBy(() -> fixture.keyring.decrypt(tampered)).isInstanceOf(RekeyException.class)
                .extracting("code").isEqualTo(ErrorCode.DECRYPTION_FAILED);
    }

    @Test
    void referenceUnwrap_failsUnderAnotherInstanceKey() {
        String wrapped = fixture.keyring.activeKey().orElseThrow().wrappedValue();

        assertThatThrownBy(() -> ReferenceKeyUnwrap.dataKey(fixture.instanceKey + "x", wrapped))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
