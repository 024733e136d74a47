package org.rekey.adapter.http;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
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
import org.rekey.application.port.in.RekeyUseCases;
import org.rekey.application.port.in.apikey.AuthenticateUseCase;
import org.rekey.application.port.in.apikey.CreateApiKeyUseCase;
import org.rekey.application.port.in.apikey.ListApiKeysUseCase;
import org.rekey.application.port.in.apikey.Principal;
import org.rekey.application.port.in.apikey.RevokeApiKeyUseCase;
import org.rekey.application.port.in.credential.CreateCredentialUseCase;
import org.rekey.application.port.in.credential.DeleteCredentialUseCase;
import org.rekey.application.port.in.credential.ExportCredentialsUseCase;
import org.rekey.application.port.in.credential.GetCredentialUseCase;
import org.rekey.application.port.in.credential.ImportCredentialsUseCase;
import org.rekey.application.port.in.credential.ListCredentialsUseCase;
import org.rekey.application.port.in.credential.UpdateCredentialUseCase;
import org.rekey.application.port.in.key.DestroyDataKeyUseCase;
import org.rekey.application.port.in.key.ImportDataKeyUseCase;
import org.rekey.application.port.in.key.ListDataKeysUseCase;
import org.rekey.application.port.in.key.RotateDataKeyUseCase;
import org.rekey.application.port.in.key.ShowDataKeyUseCase;
import org.rekey.application.port.in.maintenance.ChangeInstanceKeyUseCase;
import org.rekey.application.port.in.maintenance.DowngradeToLegacyUseCase;
import org.rekey.application.port.in.maintenance.ReencryptUseCase;
import org.rekey.application.port.in.maintenance.ReencryptionJobUseCase;
import org.rekey.application.port.in.maintenance.VerifyRecordsUseCase;
import org.rekey.application.port.in.settings.CheckHealthUseCase;
import org.rekey.application.port.in.settings.GetModuleSettingsUseCase;
import org.rekey.application.port.in.settings.ModuleSettings;
import org.rekey.application.port.in.value.DecryptValueUseCase;
import org.rekey.application.port.in.value.EncryptValueUseCase;
import org.rekey.application.port.in.value.InspectValueUseCase;

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

    final RotateDataKeyUseCase rotateDataKey = mock(RotateDataKeyUseCase.class);
    final ListDataKeysUseCase listDataKeys = mock(ListDataKeysUseCase.class);
    final ShowDataKeyUseCase showDataKey = mock(ShowDataKeyUseCase.class);
    final ImportDataKeyUseCase importDataKey = mock(ImportDataKeyUseCase.class);
    final DestroyDataKeyUseCase destroyDataKey = mock(DestroyDataKeyUseCase.class);
    final CreateCredentialUseCase createCredential = mock(CreateCredentialUseCase.class);
    final GetCredentialUseCase getCredential = mock(GetCredentialUseCase.class);
    final ListCredentialsUseCase listCredentials = mock(ListCredentialsUseCase.class);
    final UpdateCredentialUseCase updateCredential = mock(UpdateCredentialUseCase.class);
    final DeleteCredentialUseCase deleteCredential = mock(DeleteCredentialUseCase.class);
    final ImportCredentialsUseCase importCredentials = mock(ImportCredentialsUseCase.class);
    final ExportCredentialsUseCase exportCredentials = mock(ExportCredentialsUseCase.class);
    final EncryptValueUseCase encryptValue = mock(EncryptValueUseCase.class);
    final DecryptValueUseCase decryptValue = mock(DecryptValueUseCase.class);
    final InspectValueUseCase inspectValue = mock(InspectValueUseCase.class);
    final GetModuleSettingsUseCase moduleSettings = mock(GetModuleSettingsUseCase.class);
    final CheckHealthUseCase checkHealth = mock(CheckHealthUseCase.class);
    final CreateApiKeyUseCase createApiKey = mock(CreateApiKeyUseCase.class);
    final ListApiKeysUseCase listApiKeys = mock(ListApiKeysUseCase.class);
    final RevokeApiKeyUseCase revokeApiKey = mock(RevokeApiKeyUseCase.class);
    final AuthenticateUseCase authenticate = mock(AuthenticateUseCase.class);
    final ReencryptUseCase reencrypt = mock(ReencryptUseCase.class);
    final ReencryptionJobUseCase reencryptionJob = mock(ReencryptionJobUseCase.class);
    final VerifyRecordsUseCase verifyRecords = mock(VerifyRecordsUseCase.class);
    final DowngradeToLegacyUseCase downgradeToLegacy = mock(DowngradeToLegacyUseCase.class);
    final ChangeInstanceKeyUseCase changeInstanceKey = mock(ChangeInstanceKeyUseCase.class);

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
        tokens.put(OWNER, new Principal("owner", EnumSet.allOf(Scope.class)));
        tokens.put(NO_SCOPES, new Principal("none", Set.of()));
        for (Scope scope : Scope.values()) {
            EnumSet<Scope> others = EnumSet.allOf(Scope.class);
            others.remove(scope);
            tokens.put(tokenWithout(scope), new Principal("without-" + scope.name(), others));
        }
        stubDefaults();
        server = new HttpServer(useCases(), idleTimeout).start(host, 0);
    }

    /** Forgets every stub and recorded call, then restores the tokens and enabled rotation. */
    void reset() {
        org.mockito.Mockito.reset(rotateDataKey, listDataKeys, showDataKey, importDataKey, destroyDataKey, createCredential,
                getCredential, listCredentials, updateCredential, deleteCredential, importCredentials,
                exportCredentials, encryptValue, decryptValue, inspectValue, moduleSettings, checkHealth,
                createApiKey, listApiKeys, revokeApiKey, authenticate, reencrypt, reencryptionJob, verifyRecords,
                downgradeToLegacy, changeInstanceKey);
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

    RekeyUseCases useCases() {
        return new RekeyUseCases(rotateDataKey, listDataKeys, showDataKey, importDataKey, destroyDataKey,
                createCredential, getCredential, listCredentials, updateCredential, deleteCredential,
                importCredentials, exportCredentials, encryptValue, decryptValue, inspectValue, moduleSettings,
                checkHealth, createApiKey, listApiKeys, revokeApiKey, authenticate, reencrypt, reencryptionJob,
                verifyRecords, downgradeToLegacy, changeInstanceKey);
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
