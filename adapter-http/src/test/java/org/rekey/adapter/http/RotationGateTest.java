package org.rekey.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.verifyNoInteractions;

import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** While rotation is off every {@code /rest/encryption} route is a 404, after authentication, as in n8n. */
class RotationGateTest extends ApiTest {

    @BeforeEach
    void rotationOff() {
        RouteStubs.stubEverySuccess(api);
        api.rotationEnabled(false);
    }

    static Stream<ProtectedRoute> encryptionRoutes() {
        return ProtectedRoute.all().stream().filter(route -> route.path().startsWith("/rest/encryption/"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("encryptionRoutes")
    void encryptionRoute_is404RotationDisabled_andDoesNothing(ProtectedRoute route) {
        ApiResponse response = api.send(route.method(), route.path(), ApiFixture.OWNER,
                route.body() == null ? null : ApiFixture.JSON, route.body());

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("code").asText()).isEqualTo("ROTATION_DISABLED");
        assertThat(response.json().get("message").asText()).contains("N8N_ENV_FEAT_ENCRYPTION_KEY_ROTATION");
        verifyNoInteractions(api.mutatingUseCases());
        verifyNoInteractions(api.listDataKeys, api.showDataKey, api.verifyRecords);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("encryptionRoutes")
    void encryptionRoute_withoutToken_isStill401(ProtectedRoute route) {
        ApiResponse response = api.send(route.method(), route.path(), null,
                route.body() == null ? null : ApiFixture.JSON, route.body());

        assertThat(response.status()).isEqualTo(401);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("encryptionRoutes")
    void encryptionRoute_withoutTheScope_isStill403(ProtectedRoute route) {
        ApiResponse response = api.send(route.method(), route.path(), ApiFixture.tokenWithout(route.scope()),
                route.body() == null ? null : ApiFixture.JSON, route.body());

        assertThat(response.status()).isEqualTo(403);
    }

    @Test
    void credentialsAndModuleSettings_keepWorking() {
        assertThat(api.get("/rest/credentials").status()).isEqualTo(200);
        assertThat(api.get("/rest/module-settings").json().get("encryption-key-manager").get("rotationEnabled")
                .asBoolean()).isFalse();
    }

    @Test
    void turningRotationBackOn_opensTheRoutesAgain() {
        assertThat(api.get("/rest/encryption/keys").status()).isEqualTo(404);
        api.rotationEnabled(true);
        assertThat(api.get("/rest/encryption/keys").status()).isEqualTo(200);
    }
}
