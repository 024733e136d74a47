package org.rekey.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Collection;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.IterationResultMetaData;
import org.openjdk.jmh.results.Result;

/** The CPU-time profiler reports what the benchmark JVM burnt per operation. */
class CpuTimeProfilerTest {

    private final CpuTimeProfiler profiler = new CpuTimeProfiler();

    @Test
    void afterIteration_reportsTheCpuTimeSpentPerOperation() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();

        profiler.beforeIteration(null, null);
        long busyUntil = threads.getCurrentThreadCpuTime() + 50_000_000;
        long spins = 0;
        while (threads.getCurrentThreadCpuTime() < busyUntil) {
            spins++;
        }
        Result<?> result = only(profiler.afterIteration(null, null, iteration(1_000)));

        assertThat(spins).isPositive();
        assertThat(result.getLabel()).isEqualTo(CpuTimeProfiler.LABEL);
        assertThat(result.getScoreUnit()).isEqualTo("ns/op");
        // this thread alone burnt 50 ms of CPU over 1000 ops: 50 µs each, less a coarse process clock's tick
        assertThat(result.getScore()).isGreaterThan(35_000.0);
    }

    @Test
    void afterIteration_reportsNaNWhenNoOperationRan() {
        profiler.beforeIteration(null, null);

        assertThat(only(profiler.afterIteration(null, null, iteration(0))).getScore()).isNaN();
    }

    private static IterationResult iteration(long ops) {
        return new IterationResult(null, null, new IterationResultMetaData(ops, ops));
    }

    private static Result<?> only(Collection<?> results) {
        assertThat(results).hasSize(1);
        return (Result<?>) results.iterator().next();
    }
}
