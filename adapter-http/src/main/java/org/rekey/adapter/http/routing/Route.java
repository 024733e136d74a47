package org.rekey.adapter.http.routing;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.Objects;

/** One HTTP route: method, path, who may call it, and what it does once they may. */
public record Route(HandlerType method, String path, Access access, Handler handler) {

    public Route {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(handler, "handler");
    }

    public static Route get(String path, Access access, Handler handler) {
        return new Route(HandlerType.GET, path, access, handler);
    }

    public static Route post(String path, Access access, Handler handler) {
        return new Route(HandlerType.POST, path, access, handler);
    }

    public static Route patch(String path, Access access, Handler handler) {
        return new Route(HandlerType.PATCH, path, access, handler);
    }

    public static Route delete(String path, Access access, Handler handler) {
        return new Route(HandlerType.DELETE, path, access, handler);
    }

    /** This route with {@code precondition} run first (after authentication), for example a feature gate. */
    public Route guardedBy(Handler precondition) {
        Handler inner = handler;
        return new Route(method, path, access, ctx -> {
            precondition.handle(ctx);
            inner.handle(ctx);
        });
    }
}
