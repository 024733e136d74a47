package org.rekey.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.Test;
import org.rekey.application.error.ApplicationErrorCode;
import org.rekey.domain.error.RekeyException;

class SettingsRoutesTest extends ApiTest {

    @Test
    void moduleSettings_reportsRotationInN8nShape() {
        ApiResponse on = api.send("GET", "/rest/module-settings", ApiFixture.NO_SCOPES, null, null);
        api.rotationEnabled(false);
        ApiResponse off = api.send("GET", "/rest/module-settings", ApiFixture.NO_SCOPES, null, null);

        assertThat(on.status()).isEqualTo(200);
        assertThat(on.body()).isEqualTo("{\"encryption-key-manager\":{\"rotationEnabled\":true}}");
        assertThat(off.body()).isEqualTo("{\"encryption-key-manager\":{\"rotationEnabled\":false}}");
    }

    @Test
    void health_whenHealthy_is200Ok_withoutAToken() {
        when(api.checkHealth.isHealthy()).thenReturn(true);

        ApiResponse response = api.send("GET", "/healthz", null, null, null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"status\":\"ok\"}");
    }

    @Test
    void health_whenUnhealthy_is503() {
        when(api.checkHealth.isHealthy()).thenReturn(false);

        ApiResponse response = api.send("GET", "/healthz", null, null, null);

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.body()).isEqualTo("{\"status\":\"unavailable\"}");
    }

    @Test
    void health_whenTheCheckThrows_is503NotA500() {
        when(api.checkHealth.isHealthy()).thenThrow(new RekeyException(ApplicationErrorCode.STORAGE_FAILURE, "db down"));

        ApiResponse response = api.send("GET", "/healthz", null, null, null);

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.body()).isEqualTo("{\"status\":\"unavailable\"}");
    }

    @Test
    void health_ignoresItsQueryString() {
        when(api.checkHealth.isHealthy()).thenReturn(true);

        assertThat(api.send("GET", "/healthz?probe=lb", null, null, null).status()).isEqualTo(200);
    }
}
