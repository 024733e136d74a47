package org.rekey.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Each benchmark method does the work its name says, on both sides of a pair, so a ratio compares like with like. */
class BenchmarkMethodsTest {

    private final BenchmarkFixture fixture = new BenchmarkFixture();

    @Test
    void gcmEncrypt_bothSidesWriteTheCredentialUnderTheActiveKey() {
        GcmV1Benchmark benchmark = new GcmV1Benchmark();
        benchmark.setUp(fixture);

        assertThat(fixture.keyring.decrypt(benchmark.rekeyEncrypt(fixture))).isEqualTo(fixture.json);
        assertThat(fixture.keyring.decrypt(benchmark.referenceEncrypt(fixture))).isEqualTo(fixture.json);
        assertThat(fixture.keyring.isOnActiveKey(benchmark.referenceEncrypt(fixture))).isTrue();
    }

    @Test
    void gcmDecrypt_bothSidesReturnTheCredential() {
        GcmV1Benchmark benchmark = new GcmV1Benchmark();
        benchmark.setUp(fixture);

        assertThat(benchmark.rekeyDecrypt(fixture)).isEqualTo(fixture.json);
        assertThat(benchmark.referenceDecrypt(fixture)).isEqualTo(fixture.json);
    }

    @Test
    void legacyDecrypt_bothSidesReturnTheCredential() {
        LegacyCbcBenchmark benchmark = new LegacyCbcBenchmark();
        benchmark.setUp(fixture);

        assertThat(fixture.legacyValue).doesNotContain(":");
        assertThat(benchmark.rekeyDecrypt(fixture)).isEqualTo(fixture.json);
        assertThat(benchmark.referenceDecrypt(fixture)).isEqualTo(fixture.json);
    }
}
