package org.rekey.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each protected route × {no token, unknown token, revoked token, token without the scope, token with it}. */
class AuthorizationTest extends ApiTest {

    /** The kinds of caller, with the status each gets. */
    enum Caller {
        NO_TOKEN, UNKNOWN_TOKEN, REVOKED_TOKEN, TOKEN_WITHOUT_SCOPE, TOKEN_WITH_SCOPE;

        String token(ProtectedRoute route) {
            return switch (this) {
                case NO_TOKEN -> null;
                case UNKNOWN_TOKEN -> ApiFixture.UNKNOWN;
                case REVOKED_TOKEN -> ApiFixture.REVOKED;
                case TOKEN_WITHOUT_SCOPE -> route.scope() == null ? ApiFixture.NO_SCOPES : ApiFixture.tokenWithout(route.scope());
                case TOKEN_WITH_SCOPE -> ApiFixture.OWNER;
            };
        }

        int expectedStatus(ProtectedRoute route) {
            return switch (this) {
                case NO_TOKEN, UNKNOWN_TOKEN, REVOKED_TOKEN -> 401;
                case TOKEN_WITHOUT_SCOPE -> route.scope() == null ? route.success() : 403;
                case TOKEN_WITH_SCOPE -> route.success();
            };
        }
    }

    @BeforeEach
    void stubRoutes() {
        RouteStubs.stubEverySuccess(api);
    }

    static Stream<Arguments> table() {
        List<Arguments> rows = new ArrayList<>();
        for (ProtectedRoute route : ProtectedRoute.all()) {
            for (Caller caller : Caller.values()) {
                rows.add(Arguments.of(route, caller));
            }
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("table")
    void route_answersByToken(ProtectedRoute route, Caller caller) {
        ApiResponse response = api.send(route.method(), route.path(), caller.token(route),
                route.body() == null ? null : ApiFixture.JSON, route.body());

        int expected = caller.expectedStatus(route);
        assertThat(response.status()).as(response.toString()).isEqualTo(expected);
        if (expected == 401) {
            assertThat(response.json().get("code").asText()).isEqualTo("UNAUTHORIZED");
            assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer");
        }
        if (expected == 403) {
            assertThat(response.json().get("code").asText()).isEqualTo("FORBIDDEN");
            assertThat(response.json().get("message").asText()).contains(route.scope().wireName());
        }
        if (expected >= 400) {
            assertThat(response.body()).doesNotContain(String.valueOf(caller.token(route)));
            verifyNoInteractions(api.mutatingUseCases());
            verifyNoInteractions(api.listDataKeys, api.showDataKey, api.listCredentials, api.getCredential,
                    api.verifyRecords, api.moduleSettings);
        }
    }

    @Test
    void table_coversEveryRegisteredRouteButThePublicOnes() {
        List<String> tabled = ProtectedRoute.all().stream().map(ProtectedRoute::route).toList();
        List<String> registered = new ArrayList<>(api.server.registeredRoutes());
        registered.removeAll(List.of("GET /healthz", "GET /rest/openapi.yaml", "GET /settings/encryption-keys"));

        assertThat(tabled).containsExactlyInAnyOrderElementsOf(registered);
    }

    @Test
    void publicRoutes_needNoToken() {
        for (String path : List.of("/healthz", "/rest/openapi.yaml", "/settings/encryption-keys",
                "/settings/assets/encryption-keys.js", "/settings/assets/settings.css")) {
            assertThat(api.send("GET", path, null, null, null).status()).as(path).isEqualTo(200);
        }
        verify(api.authenticate, never()).authenticate(anyString());
    }

    @Test
    void bearerToken_isAccepted_whateverTheCaseOfTheScheme() {
        for (String scheme : List.of("Bearer ", "bearer ", "BEARER ")) {
            ApiResponse response = api.send(HttpRequest.newBuilder(api.uri("/rest/credentials"))
                    .header("Authorization", scheme + ApiFixture.OWNER).GET().build());
            assertThat(response.status()).as(scheme).isEqualTo(200);
        }
    }

    @Test
    void bearerToken_withoutTheScope_is403() {
        ApiResponse response = api.send(HttpRequest.newBuilder(api.uri("/rest/credentials"))
                .header("Authorization", "Bearer " + ApiFixture.NO_SCOPES).GET().build());

        assertThat(response.status()).isEqualTo(403);
    }

    @Test
    void otherAuthorizationSchemes_areNoToken() {
        ApiResponse response = api.send(HttpRequest.newBuilder(api.uri("/rest/credentials"))
                .header("Authorization", "Basic " + ApiFixture.OWNER).GET().build());

        assertThat(response.status()).isEqualTo(401);
        verify(api.authenticate, never()).authenticate(anyString());
    }

    @Test
    void bearerWithoutAToken_isNoToken() {
        ApiResponse response = api.send(HttpRequest.newBuilder(api.uri("/rest/credentials"))
                .header("Authorization", "Bearer ").GET().build());

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().get("message").asText()).contains("X-N8N-API-KEY");
        verify(api.authenticate, never()).authenticate(anyString());
    }

    @Test
    void apiKeyHeader_winsOverAuthorization() {
        ApiResponse response = api.send(HttpRequest.newBuilder(api.uri("/rest/credentials"))
                .header("X-N8N-API-KEY", ApiFixture.UNKNOWN)
                .header("Authorization", "Bearer " + ApiFixture.OWNER).GET().build());

        assertThat(response.status()).isEqualTo(401);
    }

    @Test
    void blankApiKeyHeader_fallsBackToTheBearerToken() {
        ApiResponse response = api.send(HttpRequest.newBuilder(api.uri("/rest/credentials"))
                .header("X-N8N-API-KEY", " ")
                .header("Authorization", "Bearer " + ApiFixture.OWNER).GET().build());

        assertThat(response.status()).isEqualTo(200);
    }
}
