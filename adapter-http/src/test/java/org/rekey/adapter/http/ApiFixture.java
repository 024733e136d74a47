package org.rekey.adapter.http;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.rekey.application.apikey.Scope;
import org.rekey.application.port.in.apikey.ApiKeyUseCases;
import org.rekey.application.port.in.apikey.AuthenticateUseCase;
import org.rekey.application.port.in.apikey.CreateApiKeyUseCase;
import org.rekey.application.port.in.apikey.Principal;
import org.rekey.application.port.in.apikey.RevokeApiKeyUseCase;
import org.rekey.application.port.in.audit.AuditUseCases;
import org.rekey.application.port.in.audit.ListAuditUseCase;
import org.rekey.application.port.in.credential.CreateCredentialUseCase;
import org.rekey.application.port.in.credential.CredentialUseCases;
import org.rekey.application.port.in.credential.DeleteCredentialUseCase;
import org.rekey.application.port.in.credential.GetCredentialUseCase;
import org.rekey.application.port.in.credential.ImportCredentialsUseCase;
import org.rekey.application.port.in.credential.ListCredentialsUseCase;
import org.rekey.application.port.in.credential.UpdateCredentialUseCase;
import org.rekey.application.port.in.key.DestroyDataKeyUseCase;
import org.rekey.application.port.in.key.ImportDataKeyUseCase;
import org.rekey.application.port.in.key.KeyUseCases;
import org.rekey.application.port.in.key.ListDataKeysUseCase;
import org.rekey.application.port.in.key.RotateDataKeyUseCase;
import org.rekey.application.port.in.key.ShowDataKeyUseCase;
import org.rekey.application.port.in.maintenance.ChangeInstanceKeyUseCase;
import org.rekey.application.port.in.maintenance.DowngradeToLegacyUseCase;
import org.rekey.application.port.in.maintenance.ListJobsUseCase;
import org.rekey.application.port.in.maintenance.MaintenanceUseCases;
import org.rekey.application.port.in.maintenance.ReencryptUseCase;
import org.rekey.application.port.in.maintenance.ReencryptionJobUseCase;
import org.rekey.application.port.in.maintenance.VerifyRecordsUseCase;
import org.rekey.application.port.in.settings.CheckHealthUseCase;
import org.rekey.application.port.in.settings.GetModuleSettingsUseCase;
import org.rekey.application.port.in.settings.ModuleSettings;
import org.rekey.application.port.in.settings.SettingsUseCases;
import org.rekey.application.testing.UseCaseMocks;

/**
 * An {@link HttpServer} on a free port over Mockito in-ports, and a client for it. Tokens: {@link #OWNER}
 * has every scope, {@link #NO_SCOPES} is valid but has none, {@link #REVOKED} is rejected like an
 * unknown one; {@link #tokenWithout(Scope)} has every scope but one. Rotation is enabled.
 */
final class ApiFixture implements AutoCloseable {

    static final String OWNER = "owner-token-0123456789";
    static final String NO_SCOPES = "no-scopes-token-0123456789";
    static final String REVOKED = "revoked-token-0123456789";
    static final String UNKNOWN = "unknown-token-0123456789";
    static final String JSON = "application/json";

    final KeyUseCases keys = UseCaseMocks.group(KeyUseCases.class);
    final CredentialUseCases credentials = UseCaseMocks.group(CredentialUseCases.class);
    final MaintenanceUseCases maintenance = UseCaseMocks.group(MaintenanceUseCases.class);
    final ApiKeyUseCases apiKeys = UseCaseMocks.group(ApiKeyUseCases.class);
    final SettingsUseCases settings = UseCaseMocks.group(SettingsUseCases.class);
    final AuditUseCases audit = UseCaseMocks.group(AuditUseCases.class);

    final RotateDataKeyUseCase rotateDataKey = keys.rotateDataKey();
    final ListDataKeysUseCase listDataKeys = keys.listDataKeys();
    final ShowDataKeyUseCase showDataKey = keys.showDataKey();
    final ImportDataKeyUseCase importDataKey = keys.importDataKey();
    final DestroyDataKeyUseCase destroyDataKey = keys.destroyDataKey();
    final CreateCredentialUseCase createCredential = credentials.createCredential();
    final GetCredentialUseCase getCredential = credentials.getCredential();
    final ListCredentialsUseCase listCredentials = credentials.listCredentials();
    final UpdateCredentialUseCase updateCredential = credentials.updateCredential();
    final DeleteCredentialUseCase deleteCredential = credentials.deleteCredential();
    final ImportCredentialsUseCase importCredentials = credentials.importCredentials();
    final ReencryptUseCase reencrypt = maintenance.reencrypt();
    final ReencryptionJobUseCase reencryptionJob = maintenance.reencryptionJob();
    final VerifyRecordsUseCase verifyRecords = maintenance.verifyRecords();
    final ListJobsUseCase listJobs = maintenance.listJobs();
    final ListAuditUseCase listAudit = audit.listAudit();
    final DowngradeToLegacyUseCase downgradeToLegacy = maintenance.downgradeToLegacy();
    final ChangeInstanceKeyUseCase changeInstanceKey = maintenance.changeInstanceKey();
    final CreateApiKeyUseCase createApiKey = apiKeys.createApiKey();
    final RevokeApiKeyUseCase revokeApiKey = apiKeys.revokeApiKey();
    final AuthenticateUseCase authenticate = apiKeys.authenticate();
    final GetModuleSettingsUseCase moduleSettings = settings.moduleSettings();
    final CheckHealthUseCase checkHealth = settings.checkHealth();

    private final Map<String, Principal> tokens = new HashMap<>();
    private final HttpClient client = HttpClient.newHttpClient();
    final HttpServer server;

    ApiFixture() {
        this(null);
    }

    /** As {@link #ApiFixture()}, bound to {@code host} only ({@code null}: every interface). */
    ApiFixture(String host) {
        this(host, HttpServer.IDLE_TIMEOUT);
    }

    /** As {@link #ApiFixture(String)}, with connections closed after {@code idleTimeout} without traffic. */
    ApiFixture(String host, Duration idleTimeout) {
        tokens.put(OWNER, new Principal("owner", "owner token", EnumSet.allOf(Scope.class)));
        tokens.put(NO_SCOPES, new Principal("none", "no scopes", Set.of()));
        for (Scope scope : Scope.values()) {
            EnumSet<Scope> others = EnumSet.allOf(Scope.class);
            others.remove(scope);
            tokens.put(tokenWithout(scope), new Principal("without-" + scope.name(), "without " + scope.name(), others));
        }
        stubDefaults();
        server = new HttpServer(useCases(), idleTimeout).start(host, 0);
    }

    /** Forgets every stub and recorded call, then restores the tokens and enabled rotation. */
    void reset() {
        org.mockito.Mockito.reset(UseCaseMocks.components(keys, credentials, maintenance, apiKeys, settings, audit));
        stubDefaults();
    }

    private void stubDefaults() {
        when(authenticate.authenticate(anyString()))
                .thenAnswer(call -> Optional.ofNullable(tokens.get(call.getArgument(0))));
        rotationEnabled(true);
    }

    static String tokenWithout(Scope scope) {
        return "token-without-" + scope.name().toLowerCase().replace('_', '-');
    }

    void rotationEnabled(boolean enabled) {
        when(moduleSettings.moduleSettings()).thenReturn(new ModuleSettings(enabled));
    }

    HttpUseCases useCases() {
        return new HttpUseCases(keys, credentials, maintenance, apiKeys, settings, audit);
    }

    /** Every in-port that changes state, for "nothing changed" assertions. */
    Object[] mutatingUseCases() {
        return new Object[] {rotateDataKey, destroyDataKey, importDataKey, createCredential, updateCredential,
            deleteCredential, importCredentials, reencrypt, reencryptionJob, downgradeToLegacy, changeInstanceKey,
            createApiKey, revokeApiKey};
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.port() + pathAndQuery);
    }

    ApiResponse get(String pathAndQuery) {
        return send("GET", pathAndQuery, OWNER, null, null);
    }

    ApiResponse postJson(String pathAndQuery, String json) {
        return send("POST", pathAndQuery, OWNER, JSON, json);
    }

    ApiResponse send(String method, String pathAndQuery, String token, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathAndQuery))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("X-N8N-API-KEY", token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request.build());
    }

    ApiResponse send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new ApiResponse(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new AssertionError("request failed: " + request, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
