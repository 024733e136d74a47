package org.rekey.adapter.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.util.List;
import java.util.Objects;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.rekey.adapter.http.auth.ApiTokenGuard;
import org.rekey.adapter.http.error.ErrorMapper;
import org.rekey.adapter.http.json.RekeyJson;
import org.rekey.adapter.http.metrics.RekeyMetrics;
import org.rekey.adapter.http.metrics.RouteTimer;
import org.rekey.adapter.http.request.JsonBody;
import org.rekey.adapter.http.routing.Route;
import org.rekey.adapter.http.web.WebRoutes;
import org.rekey.application.port.in.RekeyUseCases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP API and the settings page, on Javalin. {@link #start(int)} binds every interface;
 * {@link #close()} stops accepting connections and lets requests in flight finish (up to
 * {@link #STOP_TIMEOUT_MS}).
 */
public final class HttpServer implements AutoCloseable {

    public static final long STOP_TIMEOUT_MS = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);

    private final ObjectMapper mapper = RekeyJson.newMapper();
    private final List<Route> routes;
    private final ApiTokenGuard guard;
    private final RekeyMetrics metrics;
    private final boolean ownsMetrics;
    private final RouteTimer routeTimer;
    private Javalin javalin;

    /** A server with a metrics registry of its own (JVM, HTTP and rekey series; no pool), closed with it. */
    public HttpServer(RekeyUseCases useCases) {
        this(useCases, new RekeyMetrics(), true);
    }

    /** A server that serves and feeds {@code metrics}, which the caller closes after it. */
    public HttpServer(RekeyUseCases useCases, RekeyMetrics metrics) {
        this(useCases, metrics, false);
    }

    private HttpServer(RekeyUseCases useCases, RekeyMetrics metrics, boolean ownsMetrics) {
        Objects.requireNonNull(useCases, "useCases");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.ownsMetrics = ownsMetrics;
        this.routes = ApiRoutes.all(useCases, mapper, metrics);
        this.guard = new ApiTokenGuard(useCases.authenticate());
        this.routeTimer = new RouteTimer(metrics);
    }

    /** Starts listening on {@code port} (0: any free port, see {@link #port()}). */
    public synchronized HttpServer start(int port) {
        if (javalin != null) {
            throw new IllegalStateException("the HTTP server is already started");
        }
        javalin = Javalin.create(this::configure).start(port);
        LOG.info("rekey HTTP API listening on port {}", javalin.port());
        return this;
    }

    /** The port it listens on. */
    public synchronized int port() {
        if (javalin == null) {
            throw new IllegalStateException("the HTTP server is not started");
        }
        return javalin.port();
    }

    @Override
    public synchronized void close() {
        if (javalin != null) {
            javalin.stop();
            javalin = null;
            LOG.info("rekey HTTP API stopped");
        }
        if (ownsMetrics) {
            metrics.close();
        }
    }

    /** Method and path of every route Javalin has registered, for example {@code GET /healthz}. */
    synchronized List<String> registeredRoutes() {
        if (javalin == null) {
            throw new IllegalStateException("the HTTP server is not started");
        }
        return javalin.unsafe.internalRouter.allHttpHandlers().stream()
                .map(parsed -> parsed.endpoint)
                .filter(endpoint -> endpoint.method.isHttpMethod())
                .map(endpoint -> endpoint.method.name() + " " + endpoint.path)
                .toList();
    }

    private void configure(JavalinConfig config) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.jsonMapper(new JavalinJackson(mapper, false));
        config.http.maxRequestSize = JsonBody.MAX_BYTES;
        config.http.defaultContentType = "application/json";
        config.jetty.modifyServer(server -> {
            server.setHandler(new GracefulHandler());
            server.setStopTimeout(STOP_TIMEOUT_MS);
        });
        config.staticFiles.add(files -> {
            files.hostedPath = WebRoutes.ASSETS;
            files.directory = WebRoutes.ASSETS_RESOURCE_DIRECTORY;
            files.location = Location.CLASSPATH;
            files.headers = WebRoutes.PAGE_HEADERS;
        });
        config.requestLogger.http((ctx, durationMs) -> {
            RequestLog.log(ctx, durationMs);
            routeTimer.record(ctx, durationMs);
        });
        config.routes.before(ctx -> ctx.header("X-Content-Type-Options", "nosniff"));
        config.routes.before("/rest/*", ctx -> ctx.header("Cache-Control", "no-store"));
        new ErrorMapper().register(config.routes);
        for (Route route : routes) {
            config.routes.addHttpHandler(route.method(), route.path(), guard.protect(route));
        }
    }
}
