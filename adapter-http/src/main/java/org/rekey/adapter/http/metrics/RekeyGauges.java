package org.rekey.adapter.http.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToDoubleFunction;
import org.rekey.application.job.JobState;
import org.rekey.application.port.in.PageRequest;
import org.rekey.application.port.in.key.DataKeyPage;
import org.rekey.application.port.in.key.DataKeyView;
import org.rekey.application.port.in.key.ListDataKeysQuery;
import org.rekey.application.port.in.key.ListDataKeysUseCase;
import org.rekey.application.port.in.maintenance.JobView;
import org.rekey.application.port.in.maintenance.ListJobsUseCase;
import org.rekey.application.port.in.maintenance.Progress;
import org.rekey.application.port.in.maintenance.ReencryptionJobUseCase;
import org.rekey.domain.error.RekeyException;
import org.rekey.domain.key.KeyStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * rekey's state as gauges, read from the in-ports once per scrape ({@link #refresh()}): data keys by status,
 * records per key, legacy records, the age of the active key, the fleet's latest re-encryption and its
 * progress, and whether the fleet's running job was abandoned.
 * When the read fails the previous values stay and {@code rekey_scrape_errors_total} grows.
 */
final class RekeyGauges {

    private static final Logger LOG = LoggerFactory.getLogger(RekeyGauges.class);
    /** Only the running job can be abandoned, and it is among the newest. */
    private static final int RECENT_JOBS = 10;

    /** What one read of the in-ports found. */
    private record Snapshot(Map<KeyStatus, Long> keysByStatus, List<DataKeyView> keys, long legacyRecords,
            double activeKeyAgeSeconds, Optional<JobView> reencryption, long abandonedJobs) {
    }

    private final ListDataKeysUseCase listDataKeys;
    private final ReencryptionJobUseCase reencryptionJob;
    private final ListJobsUseCase listJobs;
    private final Clock clock;
    private final MultiGauge keysByStatus;
    private final MultiGauge recordsByKey;
    private final Counter scrapeErrors;
    private final AtomicReference<Snapshot> last = new AtomicReference<>();

    RekeyGauges(MeterRegistry registry, ListDataKeysUseCase listDataKeys, ReencryptionJobUseCase reencryptionJob,
            ListJobsUseCase listJobs, Clock clock) {
        this.listDataKeys = listDataKeys;
        this.reencryptionJob = reencryptionJob;
        this.listJobs = listJobs;
        this.clock = clock;
        this.keysByStatus = MultiGauge.builder("rekey.data.keys")
                .description("Data keys by status").register(registry);
        this.recordsByKey = MultiGauge.builder("rekey.records")
                .description("Records encrypted under each data key").register(registry);
        this.scrapeErrors = Counter.builder("rekey.scrape.errors")
                .description("Scrapes whose rekey_* gauges could not be read (the previous values were kept)")
                .register(registry);
        Gauge.builder("rekey.legacy.records", last, ref -> value(ref, Snapshot::legacyRecords))
                .description("Records in the legacy format, under the instance key").register(registry);
        Gauge.builder("rekey.active.key.age", last, ref -> value(ref, Snapshot::activeKeyAgeSeconds))
                .description("Age of the active data key").baseUnit("seconds").register(registry);
        Gauge.builder("rekey.reencryption.running", last, ref -> value(ref, s -> s.reencryption()
                        .filter(job -> job.state() == JobState.RUNNING).isPresent() ? 1 : 0))
                .description("1 while a re-encryption runs on any instance of the fleet").register(registry);
        for (String part : List.of("done", "failed", "remaining")) {
            Gauge.builder("rekey.reencryption.records", last, ref -> value(ref, s -> s.reencryption()
                            .map(job -> part(job.progress(), part)).orElse(0L)))
                    .description("The fleet's current or last re-encryption's records done, failed, remaining")
                    .tag("state", part).register(registry);
        }
        Gauge.builder("rekey.jobs.abandoned", last, ref -> value(ref, Snapshot::abandonedJobs))
                .description("Jobs left running by an instance that stopped sending heartbeats (resume them)")
                .register(registry);
    }

    /** Reads the in-ports once, for the scrape that follows. */
    void refresh() {
        Snapshot snapshot;
        try {
            snapshot = read();
        } catch (RekeyException e) {
            LOG.warn("reading rekey's state for the metrics failed [{}]: {}", e.code(), e.getMessage());
            scrapeErrors.increment();
            return;
        }
        last.set(snapshot);
        List<MultiGauge.Row<?>> statusRows = new ArrayList<>();
        snapshot.keysByStatus().forEach((status, count) ->
                statusRows.add(MultiGauge.Row.of(Tags.of("status", status.wireName()), count)));
        keysByStatus.register(statusRows, true);
        List<MultiGauge.Row<?>> recordRows = new ArrayList<>();
        for (DataKeyView key : snapshot.keys()) {
            if (!key.status().equals(KeyStatus.DESTROYED.wireName())) {
                recordRows.add(MultiGauge.Row.of(Tags.of("key_id", key.id(), "status", key.status()),
                        key.recordCount()));
            }
        }
        recordsByKey.register(recordRows, true);
    }

    private Snapshot read() {
        DataKeyPage page = listDataKeys.listDataKeys(ListDataKeysQuery.all());
        Map<KeyStatus, Long> byStatus = new EnumMap<>(KeyStatus.class);
        for (KeyStatus status : KeyStatus.values()) {
            byStatus.put(status, 0L);
        }
        double age = Double.NaN;
        for (DataKeyView key : page.items()) {
            KeyStatus status = KeyStatus.fromWire(key.status());
            byStatus.merge(status, 1L, Long::sum);
            if (status == KeyStatus.ACTIVE) {
                age = Duration.between(key.createdAt(), clock.instant()).toMillis() / 1000.0;
            }
        }
        long abandoned = listJobs.listJobs(PageRequest.first(RECENT_JOBS)).items().stream()
                .filter(job -> job.state() == JobState.ABANDONED && job.finishedAt().isEmpty()).count();
        return new Snapshot(byStatus, page.items(), page.legacyRecordCount(), age,
                reencryptionJob.reencryptionJob().job(), abandoned);
    }

    private static double value(AtomicReference<Snapshot> ref, ToDoubleFunction<Snapshot> f) {
        Snapshot snapshot = ref.get();
        return snapshot == null ? Double.NaN : f.applyAsDouble(snapshot);
    }

    private static long part(Progress progress, String part) {
        return switch (part) {
            case "done" -> progress.done();
            case "failed" -> progress.failed();
            default -> progress.remaining();
        };
    }
}
