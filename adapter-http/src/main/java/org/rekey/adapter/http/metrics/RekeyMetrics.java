package org.rekey.adapter.http.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.rekey.application.port.out.RekeyEventsPort;

/**
 * One instance's metrics registry (Prometheus): the JVM and process meters from the start, the services'
 * events through {@link #events()}, and whatever else binds to {@link #registry()} (the HTTP routes, the
 * connection pool). Close it with the server.
 */
public final class RekeyMetrics implements AutoCloseable {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final RekeyEventsPort events = new MicrometerRekeyEvents(registry);

    public RekeyMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
    }

    /** The out-port through which the services' events become counters. */
    public RekeyEventsPort events() {
        return events;
    }

    /** The registry, for binders outside this adapter (for example the connection pool's). */
    public MeterRegistry registry() {
        return registry;
    }

    /** Everything, in the Prometheus text format (version 0.0.4). */
    String scrape() {
        return registry.scrape();
    }

    PrometheusMeterRegistry prometheus() {
        return registry;
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
