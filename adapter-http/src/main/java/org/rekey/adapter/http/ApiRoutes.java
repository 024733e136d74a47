package org.rekey.adapter.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.rekey.adapter.http.credential.CredentialRoutes;
import org.rekey.adapter.http.key.KeyRoutes;
import org.rekey.adapter.http.maintenance.MaintenanceRoutes;
import org.rekey.adapter.http.metrics.MetricsRoutes;
import org.rekey.adapter.http.metrics.RekeyMetrics;
import org.rekey.adapter.http.request.JsonBody;
import org.rekey.adapter.http.routing.Route;
import org.rekey.adapter.http.settings.RotationGate;
import org.rekey.adapter.http.settings.SettingsRoutes;
import org.rekey.adapter.http.web.WebRoutes;
import org.rekey.application.port.in.RekeyUseCases;

/** Every route of the API, wired to its in-ports; the {@code /rest/encryption} routes behind the rotation gate. */
final class ApiRoutes {

    private ApiRoutes() {
    }

    static List<Route> all(RekeyUseCases useCases, ObjectMapper mapper, RekeyMetrics metrics) {
        JsonBody body = new JsonBody(mapper);
        RotationGate rotationGate = new RotationGate(useCases.moduleSettings());
        List<Route> routes = new ArrayList<>();
        new KeyRoutes(useCases.listDataKeys(), useCases.rotateDataKey(), useCases.showDataKey(),
                useCases.destroyDataKey(), body).routes()
                .forEach(route -> routes.add(route.guardedBy(rotationGate)));
        new MaintenanceRoutes(useCases.reencryptionJob(), useCases.verifyRecords(), body).routes()
                .forEach(route -> routes.add(route.guardedBy(rotationGate)));
        routes.addAll(new CredentialRoutes(useCases.createCredential(), useCases.listCredentials(),
                useCases.getCredential(), useCases.updateCredential(), useCases.deleteCredential(), body, mapper)
                .routes());
        routes.addAll(new SettingsRoutes(useCases.moduleSettings(), useCases.checkHealth()).routes());
        routes.addAll(new WebRoutes().routes());
        routes.addAll(new MetricsRoutes(metrics, useCases.listDataKeys(), useCases.reencryptionJob(), Clock.systemUTC())
                .routes());
        return List.copyOf(routes);
    }
}
