package org.rekey.adapter.http.metrics;

import io.javalin.http.Context;
import java.time.Clock;
import java.util.List;
import org.rekey.adapter.http.routing.Access;
import org.rekey.adapter.http.routing.Route;
import org.rekey.application.port.in.key.ListDataKeysUseCase;
import org.rekey.application.port.in.maintenance.ListJobsUseCase;
import org.rekey.application.port.in.maintenance.ReencryptionJobUseCase;

/** {@code GET /metrics}: Prometheus text for any valid token (Prometheus sends it as a bearer token). */
public final class MetricsRoutes {

    public static final String METRICS = "/metrics";
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final RekeyMetrics metrics;
    private final RekeyGauges gauges;

    public MetricsRoutes(RekeyMetrics metrics, ListDataKeysUseCase listDataKeys,
            ReencryptionJobUseCase reencryptionJob, ListJobsUseCase listJobs, Clock clock) {
        this.metrics = metrics;
        this.gauges = new RekeyGauges(metrics.registry(), listDataKeys, reencryptionJob, listJobs, clock);
    }

    public List<Route> routes() {
        return List.of(Route.get(METRICS, Access.ANY_TOKEN, this::scrape));
    }

    private void scrape(Context ctx) {
        gauges.refresh();
        ctx.header("Cache-Control", "no-store");
        ctx.contentType(CONTENT_TYPE).result(metrics.scrape());
    }
}
