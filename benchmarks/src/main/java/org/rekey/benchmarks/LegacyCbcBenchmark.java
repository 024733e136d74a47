package org.rekey.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decrypt of a 1 KiB credential stored in the legacy format (no key id: CBC under the instance key):
 * rekey's {@code Keyring.decrypt} against {@link ReferenceLegacyCbc} (one per thread).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class LegacyCbcBenchmark {

    private ReferenceLegacyCbc reference;

    @Setup(Level.Trial)
    public void setUp(BenchmarkFixture fixture) {
        reference = new ReferenceLegacyCbc(fixture.instanceKey);
    }

    @Benchmark
    public String rekeyDecrypt(BenchmarkFixture fixture) {
        return fixture.keyring.decrypt(fixture.legacyValue);
    }

    @Benchmark
    public String referenceDecrypt(BenchmarkFixture fixture) {
        return reference.decrypt(fixture.legacyValue);
    }
}
