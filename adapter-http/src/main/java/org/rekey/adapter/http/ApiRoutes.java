package org.rekey.adapter.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.rekey.adapter.http.audit.AuditRoutes;
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
import org.rekey.application.port.in.credential.CredentialUseCases;
import org.rekey.application.port.in.key.KeyUseCases;
import org.rekey.application.port.in.maintenance.MaintenanceUseCases;
import org.rekey.application.port.in.settings.SettingsUseCases;

/** Every route of the API, wired to its in-ports; the {@code /rest/encryption} routes behind the rotation gate. */
final class ApiRoutes {

    private ApiRoutes() {
    }

    static List<Route> all(HttpUseCases useCases, ObjectMapper mapper, RekeyMetrics metrics) {
        JsonBody body = new JsonBody(mapper);
        KeyUseCases keys = useCases.keys();
        CredentialUseCases credentials = useCases.credentials();
        MaintenanceUseCases maintenance = useCases.maintenance();
        SettingsUseCases settings = useCases.settings();
        RotationGate rotationGate = new RotationGate(settings.moduleSettings());
        List<Route> routes = new ArrayList<>();
        new KeyRoutes(keys.listDataKeys(), keys.rotateDataKey(), keys.showDataKey(), keys.destroyDataKey(), body)
                .routes().forEach(route -> routes.add(route.guardedBy(rotationGate)));
        new MaintenanceRoutes(maintenance.reencryptionJob(), maintenance.listJobs(), maintenance.verifyRecords(), body)
                .routes()
                .forEach(route -> routes.add(route.guardedBy(rotationGate)));
        routes.addAll(new CredentialRoutes(credentials.createCredential(), credentials.listCredentials(),
                credentials.getCredential(), credentials.updateCredential(), credentials.deleteCredential(), body,
                mapper).routes());
        routes.addAll(new SettingsRoutes(settings.moduleSettings(), settings.checkHealth()).routes());
        routes.addAll(new AuditRoutes(useCases.audit().listAudit()).routes());
        routes.addAll(new WebRoutes().routes());
        routes.addAll(new MetricsRoutes(metrics, keys.listDataKeys(), maintenance.reencryptionJob(),
                maintenance.listJobs(), Clock.systemUTC())
                .routes());
        return List.copyOf(routes);
    }
}
