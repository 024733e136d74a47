package org.rekey.adapter.http;

import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One line per request: method, path (never the query string), status and duration. Nothing else. */
final class RequestLog {

    private static final Logger LOG = LoggerFactory.getLogger(RequestLog.class);

    private RequestLog() {
    }

    static void log(Context ctx, Float durationMs) {
        LOG.info("{} {} {} {}ms", ctx.method().name(), ctx.path(), ctx.statusCode(),
                durationMs == null ? 0 : Math.round(durationMs));
    }
}
