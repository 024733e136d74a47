package org.rekey.adapter.http.error;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.rekey.application.error.ApplicationErrorCode;
import org.rekey.domain.error.ErrorCode;
import org.rekey.domain.error.RekeyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become HTTP answers: {@code {"code","message"}} with a status chosen by
 * the error's {@link ErrorCode.Kind}. Unexpected exceptions become a bare 500 and are logged here,
 * server-side only.
 */
public final class ErrorMapper {

    public static final String INTERNAL_ERROR = "INTERNAL_ERROR";

    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

    /** Registers the handlers; every exception a route throws ends in one of them. */
    public void register(RoutesConfig routes) {
        routes.exception(RekeyException.class, this::onRekeyException);
        routes.exception(HttpProblem.class, this::onHttpProblem);
        routes.exception(HttpResponseException.class, this::onJavalinResponse);
        routes.exception(Exception.class, this::onUnexpected);
    }

    public static int status(ErrorCode.Kind kind) {
        return switch (kind) {
            case INVALID -> 400;
            case UNAUTHORIZED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case GONE -> 410;
            case UNPROCESSABLE -> 422;
            case FAILURE -> 500;
        };
    }

    private void onRekeyException(RekeyException e, Context ctx) {
        int status = status(e.code().kind());
        if (status >= 500) {
            LOG.warn("{} {} failed: {} {}", ctx.method().name(), ctx.path(), e.code().name(), e.getMessage());
        }
        if (e.code() == ApplicationErrorCode.UNAUTHORIZED) {
            ctx.header("WWW-Authenticate", "Bearer");
        }
        answer(ctx, status, e.code().name(), e.getMessage());
    }

    private void onHttpProblem(HttpProblem e, Context ctx) {
        answer(ctx, e.status(), e.code(), e.getMessage());
    }

    /** Javalin's own answers: no route (404), a body over {@code maxRequestSize} (413), and the like. */
    private void onJavalinResponse(HttpResponseException e, Context ctx) {
        switch (e.getStatus()) {
            case 404 -> answer(ctx, 404, "NOT_FOUND", "no such route: " + ctx.method().name() + " " + ctx.path());
            case 405 -> answer(ctx, 405, "METHOD_NOT_ALLOWED", "method not allowed");
            case 413 -> answer(ctx, 413, "PAYLOAD_TOO_LARGE", "the request body is too large");
            default -> {
                if (e.getStatus() >= 500) {
                    onUnexpected(e, ctx);
                } else {
                    answer(ctx, e.getStatus(), "HTTP_" + e.getStatus(), "the request was rejected");
                }
            }
        }
    }

    private void onUnexpected(Exception e, Context ctx) {
        LOG.error("{} {} failed with an unexpected error", ctx.method().name(), ctx.path(), e);
        answer(ctx, 500, INTERNAL_ERROR, "internal server error");
    }

    private static void answer(Context ctx, int status, String code, String message) {
        ctx.status(status).json(new ErrorResponse(code, message));
    }
}
