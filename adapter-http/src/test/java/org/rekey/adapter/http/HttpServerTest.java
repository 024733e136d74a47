package org.rekey.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.rekey.application.port.in.credential.CredentialPage;
import org.rekey.domain.error.RekeyException;

class HttpServerTest {

    @Test
    void startOnPortZero_listensOnAFreePort_andTwoServersGetDifferentOnes() {
        try (ApiFixture first = new ApiFixture(); ApiFixture second = new ApiFixture()) {
            assertThat(first.server.port()).isPositive();
            assertThat(second.server.port()).isPositive().isNotEqualTo(first.server.port());
            assertThat(first.send("GET", "/healthz", null, null, null).status()).isIn(200, 503);
        }
    }

    @Test
    void startOnAHost_listensOnThatAddressOnly() throws IOException {
        try (ApiFixture api = new ApiFixture("127.0.0.2")) {
            when(api.checkHealth.isHealthy()).thenReturn(true);
            assertThat(healthzStatus("127.0.0.2", api.server.port())).isEqualTo(200);
            assertThatThrownBy(() -> healthzStatus("127.0.0.1", api.server.port()))
                    .isInstanceOf(ConnectException.class);
        }
    }

    @Test
    void startWithoutAHost_listensOnEveryInterface() throws IOException {
        try (ApiFixture api = new ApiFixture()) {
            when(api.checkHealth.isHealthy()).thenReturn(true);
            assertThat(healthzStatus("127.0.0.1", api.server.port())).isEqualTo(200);
            assertThat(healthzStatus("127.0.0.2", api.server.port())).isEqualTo(200);
        }
    }

    @Test
    void startOnAnAddressThisMachineDoesNotHave_failsAndSaysWhich() {
        HttpServer server = new HttpServer(new ApiFixture().useCases());

        assertThatThrownBy(() -> server.start("192.0.2.1", 0)).isInstanceOf(RekeyException.class)
                .hasMessageContaining("192.0.2.1");
    }

    private static int healthzStatus(String address, int port) throws IOException {
        try {
            return HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://" + address + ":" + port + "/healthz")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    @Test
    void port_beforeStart_isAnError() {
        HttpServer server = new HttpServer(new ApiFixture().useCases());

        assertThatThrownBy(server::port).isInstanceOf(IllegalStateException.class).hasMessageContaining("not started");
    }

    @Test
    void start_twice_isAnError() {
        try (ApiFixture api = new ApiFixture()) {
            assertThatThrownBy(() -> api.server.start(0)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already started");
        }
    }

    @Test
    void close_stopsListening_andIsSafeToRepeat() {
        ApiFixture api = new ApiFixture();
        HttpRequest request = HttpRequest.newBuilder(api.uri("/healthz")).build();

        api.close();
        api.close();

        assertThatThrownBy(() -> HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(ConnectException.class);
    }

    @Test
    void close_letsARequestInFlightFinish() throws Exception {
        ApiFixture api = new ApiFixture();
        CountDownLatch entered = new CountDownLatch(1);
        when(api.listCredentials.listCredentials(any())).thenAnswer(call -> {
            entered.countDown();
            Thread.sleep(700);
            return new CredentialPage(0, List.of());
        });
        CompletableFuture<HttpResponse<String>> inFlight = HttpClient.newHttpClient().sendAsync(
                HttpRequest.newBuilder(api.uri("/rest/credentials")).header("X-N8N-API-KEY", ApiFixture.OWNER).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

        api.close();

        HttpResponse<String> response = inFlight.get(10, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"count\":0,\"items\":[]}");
    }

    @Test
    void requestLog_isOneLinePerRequest_withMethodPathStatusAndDuration_butNoQueryOrToken() throws IOException {
        try (ApiFixture api = new ApiFixture(); LogCapture log = new LogCapture(RequestLog.class)) {
            when(api.listCredentials.listCredentials(any())).thenReturn(new CredentialPage(0, List.of()));

            api.get("/rest/credentials?skip=0&take=5");
            api.send("GET", "/rest/credentials", ApiFixture.UNKNOWN, null, null);

            assertThat(log.messages()).hasSize(2);
            assertThat(log.messages().get(0)).matches("GET /rest/credentials 200 \\d+ms");
            assertThat(log.messages().get(1)).matches("GET /rest/credentials 401 \\d+ms");
            assertThat(String.join("\n", log.messages())).doesNotContain("take=5")
                    .doesNotContain(ApiFixture.OWNER).doesNotContain(ApiFixture.UNKNOWN);
        }
    }
}
