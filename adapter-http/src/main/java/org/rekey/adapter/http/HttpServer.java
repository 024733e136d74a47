package org.rekey.adapter.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.javalin.util.JavalinBindException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.handler.EagerContentHandler;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.rekey.adapter.http.auth.ApiTokenGuard;
import org.rekey.adapter.http.error.ErrorMapper;
import org.rekey.adapter.http.json.RekeyJson;
import org.rekey.adapter.http.metrics.RekeyMetrics;
import org.rekey.adapter.http.metrics.RouteTimer;
import org.rekey.adapter.http.request.JsonBody;
import org.rekey.adapter.http.routing.Route;
import org.rekey.adapter.http.web.WebRoutes;
import org.rekey.domain.error.RekeyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP API and the settings page, on Javalin. {@link #start(String, int)} binds one address or
 * every interface; {@link #close()} stops accepting connections and lets requests in flight finish (up to
 * {@link #STOP_TIMEOUT_MS}).
 */
public final class HttpServer implements AutoCloseable {

    public static final long STOP_TIMEOUT_MS = 10_000;
    /** A connection that sends nothing for this long (mid-request or between requests) is closed. */
    public static final Duration IDLE_TIMEOUT = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);

    private final ObjectMapper mapper = RekeyJson.newMapper();
    private final List<Route> routes;
    private final ApiTokenGuard guard;
    private final Duration idleTimeout;
    private final RekeyMetrics metrics;
    private final boolean ownsMetrics;
    private final RouteTimer routeTimer;
    private Javalin javalin;

    /** A server with a metrics registry of its own (JVM, HTTP and rekey series; no pool), closed with it. */
    public HttpServer(HttpUseCases useCases) {
        this(useCases, new RekeyMetrics(), true, IDLE_TIMEOUT);
    }

    /** A server that serves and feeds {@code metrics}, which the caller closes after it. */
    public HttpServer(HttpUseCases useCases, RekeyMetrics metrics) {
        this(useCases, metrics, false, IDLE_TIMEOUT);
    }

    HttpServer(HttpUseCases useCases, Duration idleTimeout) {
        this(useCases, new RekeyMetrics(), true, idleTimeout);
    }

    private HttpServer(HttpUseCases useCases, RekeyMetrics metrics, boolean ownsMetrics, Duration idleTimeout) {
        Objects.requireNonNull(useCases, "useCases");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.ownsMetrics = ownsMetrics;
        this.routes = ApiRoutes.all(useCases, mapper, metrics);
        this.guard = new ApiTokenGuard(useCases.apiKeys().authenticate());
        this.routeTimer = new RouteTimer(metrics);
        this.idleTimeout = Objects.requireNonNull(idleTimeout, "idleTimeout");
    }

    /** Starts listening on {@code port} of every interface (0: any free port, see {@link #port()}). */
    public HttpServer start(int port) {
        return start(null, port);
    }

    /**
     * Starts listening on {@code port} (0: any free port, see {@link #port()}) of {@code host}, a host name or
     * address of this machine; {@code null} binds every interface.
     *
     * @throws RekeyException {@code INVALID_INPUT} when the address or port cannot be bound, saying why
     */
    public synchronized HttpServer start(String host, int port) {
        if (javalin != null) {
            throw new IllegalStateException("the HTTP server is already started");
        }
        Javalin created = Javalin.create(this::configure);
        try {
            created.start(host, port);
        } catch (JavalinBindException e) {
            created.stop();
            throw RekeyException.invalid("cannot listen on " + (host == null ? "every interface" : host) + " port "
                    + port + ": " + rootMessage(e));
        }
        for (Connector connector : created.jettyServer().server().getConnectors()) {
            if (connector instanceof AbstractConnector network) {
                network.setIdleTimeout(idleTimeout.toMillis());
            }
        }
        javalin = created;
        LOG.info("rekey HTTP API listening on {} port {}", host == null ? "every interface," : host, javalin.port());
        return this;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
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

    /**
     * Reads each request body (up to one byte over {@link JsonBody#MAX_BYTES}) without a thread, as its bytes
     * arrive, and only then hands the request to a thread and Javalin: clients that stall mid-body hold no
     * thread, so a few hundred of them cannot starve {@code /healthz} or anyone else; {@link #IDLE_TIMEOUT}
     * closes them. A body whose {@code Content-Length} is already too large skips this and gets its 413 at once.
     */
    private static Handler bodiesReadBeforeDispatch() {
        EagerContentHandler eager = new EagerContentHandler(
                new EagerContentHandler.RetainedContentLoaderFactory(JsonBody.MAX_BYTES + 1, 0, false));
        eager.exclude(request -> request.getLength() > JsonBody.MAX_BYTES);
        return eager;
    }

    private void configure(JavalinConfig config) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.jsonMapper(new JavalinJackson(mapper, false));
        config.http.maxRequestSize = JsonBody.MAX_BYTES;
        config.http.defaultContentType = "application/json";
        config.jetty.modifyServer(server -> {
            server.setHandler(new GracefulHandler(bodiesReadBeforeDispatch()));
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
