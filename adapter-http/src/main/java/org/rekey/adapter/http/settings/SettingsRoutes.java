package org.rekey.adapter.http.settings;

import io.javalin.http.Context;
import java.util.List;
import java.util.Set;
import org.rekey.adapter.http.request.QueryParams;
import org.rekey.adapter.http.routing.Access;
import org.rekey.adapter.http.routing.Route;
import org.rekey.application.port.in.settings.CheckHealthUseCase;
import org.rekey.application.port.in.settings.GetModuleSettingsUseCase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code /rest/module-settings} (any valid token) and {@code /healthz} (no token). */
public final class SettingsRoutes {

    public static final String MODULE_SETTINGS = "/rest/module-settings";
    public static final String HEALTH = "/healthz";

    private static final Logger LOG = LoggerFactory.getLogger(SettingsRoutes.class);

    private final GetModuleSettingsUseCase settings;
    private final CheckHealthUseCase health;

    public SettingsRoutes(GetModuleSettingsUseCase settings, CheckHealthUseCase health) {
        this.settings = settings;
        this.health = health;
    }

    public List<Route> routes() {
        return List.of(
                Route.get(MODULE_SETTINGS, Access.ANY_TOKEN, this::moduleSettings),
                Route.get(HEALTH, Access.PUBLIC, this::health));
    }

    private void moduleSettings(Context ctx) {
        QueryParams.of(ctx, Set.of());
        ctx.json(ModuleSettingsResponse.of(settings.moduleSettings()));
    }

    /** 200 when healthy; 503 when not, including when the check itself fails. Ignores any query. */
    private void health(Context ctx) {
        boolean healthy;
        try {
            healthy = health.isHealthy();
        } catch (RuntimeException e) {
            LOG.warn("health check failed", e);
            healthy = false;
        }
        ctx.header("Cache-Control", "no-store");
        if (healthy) {
            ctx.json(new HealthResponse("ok"));
        } else {
            ctx.status(503).json(new HealthResponse("unavailable"));
        }
    }
}
