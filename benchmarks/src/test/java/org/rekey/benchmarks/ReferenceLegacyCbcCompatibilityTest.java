package org.rekey.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.rekey.domain.key.WriteFormat;

/** Proves the legacy reference does OpenSSL's Salted__ CBC as rekey does: each reads the other's values. */
class ReferenceLegacyCbcCompatibilityTest {

    private final BenchmarkFixture fixture = new BenchmarkFixture();
    private final ReferenceLegacyCbc reference = new ReferenceLegacyCbc(fixture.instanceKey);

    @Test
    void referenceValue_decryptsWithRekeysKeyring() {
        String value = reference.encrypt(fixture.json);

        assertThat(fixture.keyring.decrypt(value)).isEqualTo(fixture.json);
    }

    @Test
    void rekeyValue_decryptsWithReference() {
        String value = fixture.keyring.encrypt(fixture.json, WriteFormat.LEGACY);

        assertThat(reference.decrypt(value)).isEqualTo(fixture.json);
    }

    @Test
    void referenceValue_isSaltedCbcOfTheSameSizeAsRekeys() {
        String value = reference.encrypt(fixture.json);

        assertThat(Base64.getDecoder().decode(value)).startsWith("Salted__".getBytes());
        assertThat(value).hasSameSizeAs(fixture.legacyValue);
    }

    @Test
    void referenceDecrypt_rejectsAnotherPassword() {
        ReferenceLegacyCbc other = new ReferenceLegacyCbc(fixture.instanceKey + "x");

        assertThatThrownBy(() -> other.decrypt(fixture.legacyValue)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not decrypt");
    }

    @Test
    void reference_neverPrintsThePassword() {
        assertThat(reference.toString()).doesNotContain(fixture.instanceKey);
    }
}
