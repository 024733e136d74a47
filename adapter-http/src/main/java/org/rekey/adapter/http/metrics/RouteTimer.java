package org.rekey.adapter.http.metrics;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Records each request's latency in {@code http_server_requests_seconds} (a histogram) under its method, the
 * route it matched as registered ({@code /rest/credentials/{id}}, never the id itself, so the number of series
 * stays bounded) and its status. Static assets count under {@code route="static"}, requests that matched
 * nothing under {@code route="unmatched"}.
 */
public final class RouteTimer {

    static final String NAME = "http.server.requests";
    static final String UNMATCHED = "unmatched";
    static final String STATIC = "static";

    private final MeterRegistry registry;

    public RouteTimer(RekeyMetrics metrics) {
        this.registry = metrics.registry();
    }

    /** For Javalin's request logger: the request's duration in milliseconds. */
    public void record(Context ctx, Float durationMs) {
        Endpoint endpoint = ctx.endpoints().lastHttpEndpoint();
        String route = endpoint != null ? endpoint.path : ctx.statusCode() == 404 ? UNMATCHED : STATIC;
        Timer.builder(NAME)
                .description("HTTP requests by method, matched route and status")
                .tags("method", ctx.method().name(), "route", route, "status", Integer.toString(ctx.statusCode()))
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry)
                .record(durationMs == null ? 0 : (long) (durationMs * 1_000_000), TimeUnit.NANOSECONDS);
    }
}
