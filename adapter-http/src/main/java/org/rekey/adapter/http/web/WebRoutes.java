package org.rekey.adapter.http.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.rekey.adapter.http.routing.Access;
import org.rekey.adapter.http.routing.Route;

/**
 * The documents served without a token: the encryption-keys settings page (which asks for a token
 * itself) and the OpenAPI description of the API. Its scripts and styles are static files under
 * {@link #ASSETS}.
 */
public final class WebRoutes {

    public static final String SETTINGS_PAGE = "/settings/encryption-keys";
    public static final String OPENAPI = "/rest/openapi.yaml";
    public static final String ASSETS = "/settings/assets";
    public static final String ASSETS_RESOURCE_DIRECTORY = "/web/assets";

    /** The page loads nothing but its own files and talks to nothing but this server. */
    public static final Map<String, String> PAGE_HEADERS = Map.of(
            "Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                    + "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "no-referrer",
            "Cache-Control", "no-cache");

    private final byte[] settingsPage = resource("/web/encryption-keys.html");
    private final byte[] openApi = resource("/openapi.yaml");

    public List<Route> routes() {
        return List.of(
                Route.get(SETTINGS_PAGE, Access.PUBLIC, this::settingsPage),
                Route.get(OPENAPI, Access.PUBLIC, this::openApi));
    }

    private void settingsPage(Context ctx) {
        PAGE_HEADERS.forEach(ctx::header);
        ctx.contentType("text/html; charset=utf-8").result(settingsPage);
    }

    private void openApi(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.contentType("application/yaml; charset=utf-8").result(openApi);
    }

    private static byte[] resource(String name) {
        try (InputStream in = WebRoutes.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " in the rekey-adapter-http jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + name, e);
        }
    }
}
