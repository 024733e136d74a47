package org.rekey.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * JMH profiler ({@code -prof org.rekey.benchmarks.CpuTimeProfiler}) that reports the CPU time the benchmark
 * JVM spent per operation ({@code cpu.time.per.op}, ns/op, all its threads, GC and JIT included).
 *
 * <p>Throughput on a shared machine moves with whatever else runs; CPU time per operation barely does,
 * because time spent descheduled is not counted. It hides time spent waiting for a lock, so read it next
 * to throughput.
 */
public final class CpuTimeProfiler implements InternalProfiler {

    /** The secondary result's name in JMH's output and JSON. */
    public static final String LABEL = "cpu.time.per.op";

    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private long startNanos;

    @Override
    public String getDescription() {
        return "CPU time of the benchmark JVM per operation";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        startNanos = os.getProcessCpuTime();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
            IterationResult result) {
        long cpu = os.getProcessCpuTime() - startNanos;
        long ops = result.getMetadata().getAllOps();
        double perOp = ops > 0 ? (double) cpu / ops : Double.NaN;
        return List.of(new ScalarResult(LABEL, perOp, "ns/op", AggregationPolicy.AVG));
    }
}
