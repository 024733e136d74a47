package org.rekey.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Clients that promise a body and stall, over loopback: they hold no server thread, so every other request
 * is still answered while they wait, and a body declared too large is refused at once.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class StalledClientsTest {

    /** More than the server's thread pool holds (200), as an attacker with one machine would open. */
    private static final int STALLED = 300;

    private static ApiFixture api;

    @BeforeAll
    static void startServer() {
        // a long idle timeout, so that the stalled clients are still waiting when the test looks at them
        api = new ApiFixture(null, Duration.ofMinutes(2));
    }

    @BeforeEach
    void stubSuccess() {
        api.reset();
        RouteStubs.stubEverySuccess(api);
        when(api.checkHealth.isHealthy()).thenReturn(true);
    }

    @AfterAll
    static void stopServer() {
        api.close();
    }

    @Test
    void severalHundredStalledBodies_leaveHealthzAndEveryOtherRouteAnswering() throws IOException {
        List<RawHttp> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < STALLED; i++) {
                stalled.add(new RawHttp(api.server.port()).write(RawHttp.head("POST", "/rest/credentials",
                        "Content-Length: 500\r\n") + "{\"name\":\""));
            }

            ApiResponse health = api.send("GET", "/healthz", null, null, null);
            ApiResponse created = api.postJson("/rest/credentials", "{\"name\":\"n\",\"type\":\"t\",\"data\":{}}");
            ApiResponse listed = api.get("/rest/credentials");

            assertThat(health.status()).isEqualTo(200);
            assertThat(created.status()).isEqualTo(201);
            assertThat(listed.status()).isEqualTo(200);
            for (RawHttp client : stalled) {
                assertThat(client.hasReceivedNothing()).as("a stalled client is still waiting for its answer")
                        .isTrue();
            }
            for (RawHttp client : stalled) {
                assertThat(client.write("x".repeat(500 - 9)).readStatus()).as("answered once its body is whole")
                        .isEqualTo(400);
            }
        } finally {
            for (RawHttp client : stalled) {
                client.close();
            }
        }
    }

    @Test
    void aBodyDeclaredTooLarge_gets413AtOnce_withoutWaitingForIt_andTheConnectionCloses() throws IOException {
        try (RawHttp client = new RawHttp(api.server.port())) {
            String response = client.write(RawHttp.head("POST", "/rest/credentials", "Content-Length: 2000000\r\n")
                    + "{\"").readResponse();

            assertThat(response).startsWith("HTTP/1.1 413 ").containsIgnoringCase("Connection: close")
                    .contains("\"code\":\"PAYLOAD_TOO_LARGE\"");
            assertThat(client.isClosedByServer()).isTrue();
        }
    }
}
