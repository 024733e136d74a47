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
import org.rekey.domain.key.WriteFormat;

/**
 * Encrypt and decrypt of a 1 KiB credential in the n8n GCM v1 record format: rekey's public
 * {@code Keyring} (shared by all threads, keys cached) against {@link ReferenceRecordValue} (one per thread).
 * Methods come in pairs {@code rekeyX}/{@code referenceX}; {@code scripts/bench-jmh.sh} prints their ratio.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class GcmV1Benchmark {

    private ReferenceRecordValue reference;

    @Setup(Level.Trial)
    public void setUp(BenchmarkFixture fixture) {
        reference = new ReferenceRecordValue(fixture.activeKeyId, fixture.activeKey);
    }

    @Benchmark
    public String rekeyEncrypt(BenchmarkFixture fixture) {
        return fixture.keyring.encrypt(fixture.json, WriteFormat.ACTIVE_KEY);
    }

    @Benchmark
    public String referenceEncrypt(BenchmarkFixture fixture) {
        return reference.encrypt(fixture.json);
    }

    @Benchmark
    public String rekeyDecrypt(BenchmarkFixture fixture) {
        return fixture.keyring.decrypt(fixture.gcmValue);
    }

    @Benchmark
    public String referenceDecrypt(BenchmarkFixture fixture) {
        return reference.decrypt(fixture.gcmValue);
    }
}
