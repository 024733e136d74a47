package org.rekey.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rekey.bootstrap.e2e.SeedWalkthroughContract.ok;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rekey.bootstrap.RekeyConfig;

/**
 * {@code rekey serve} as a real process on the default embedded H2 database, used over HTTP while the
 * command line works on the same database, then stopped with SIGTERM.
 */
class ServeProcessTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "plaintext-secret-that-must-not-leak";

    @TempDir
    Path userFolder;

    private final HttpClient http = HttpClient.newHttpClient();
    private Deployment d;
    private RekeyProcess server;
    private Path log;
    private String base;
    private String token;

    @BeforeEach
    void serve() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        d = Deployment.h2(userFolder).rotation(true).set(RekeyConfig.PORT, String.valueOf(port));
        token = ok(d.run("api-keys", "create", "--label", "e2e", "--owner")).out().strip();
        log = Files.createTempFile(userFolder, "serve", ".log");
        server = RekeyProcess.start(d.env(), log, "serve", "--verbose");
        base = "http://127.0.0.1:" + port;
        awaitHealthy();
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (server.isAlive()) {
            server.kill();
        }
    }

    @Test
    void api_rotatesAndReencrypts_whileTheCliSharesTheDatabase_thenStopsCleanlyOnSigterm() throws Exception {
        JsonNode created = send("POST", "/rest/credentials",
                "{\"name\":\"db\",\"type\":\"postgres\",\"data\":{\"password\":\"" + SECRET + "\"}}", 201);
        String id = created.get("id").asText();
        String oldKey = created.get("keyId").asText();

        String newKey = send("POST", "/rest/encryption/keys", "{\"type\":\"data_encryption\"}", 201).get("id").asText();
        assertThat(newKey).isNotEqualTo(oldKey);
        assertThat(ok(d.run("keys", "list", "--json")).json().get("items").findValuesAsText("status"))
                .containsOnlyOnce("active");

        send("POST", "/rest/encryption/reencryption", "{\"batchSize\":10}", 202);
        awaitReencryption();
        JsonNode fetched = send("GET", "/rest/credentials/" + id + "?includeData=true", null, 200);
        assertThat(fetched.get("keyId").asText()).isEqualTo(newKey);
        assertThat(fetched.get("data").get("password").asText()).isEqualTo(SECRET);
        assertThat(send("GET", "/rest/encryption/status", null, 200).get("failures")).isEmpty();

        assertThat(server.terminate()).as("exit code after SIGTERM").isIn(0, 143);
        String logged = Files.readString(log);
        assertThat(logged).contains("POST /rest/encryption/keys 201");
        assertThat(logged).doesNotContain(token).doesNotContain(Deployment.KEY).doesNotContain(SECRET);
    }

    @Test
    void badRequests_get4xx_andLeaveTheDatabaseUnchanged() throws Exception {
        String id = send("POST", "/rest/credentials", "{\"name\":\"n\",\"type\":\"t\",\"data\":{\"a\":1}}", 201)
                .get("id").asText();
        String active = ok(d.run("keys", "list", "--json")).json().get("items").findParents("status").stream()
                .filter(key -> key.get("status").asText().equals("active")).findFirst().orElseThrow()
                .get("id").asText();
        List<String> before = d.dump();

        send("POST", "/rest/credentials", "{\"name\":", 400);
        send("POST", "/rest/credentials", "{\"name\":\"n\",\"type\":\"t\",\"data\":{},\"extra\":1}", 400);
        send("POST", "/rest/credentials", "{\"name\":\"n\",\"type\":\"t\",\"data\":[1]}", 400);
        send("PATCH", "/rest/credentials/" + id, "{\"name\":42}", 400);
        send("PATCH", "/rest/credentials/no-such-id", "{\"name\":\"x\"}", 404);
        send("DELETE", "/rest/credentials/bad%20id", null, 400);
        send("POST", "/rest/encryption/keys", "{\"type\":\"other\"}", 400);
        send("GET", "/rest/encryption/keys?activatedFrom=2026-02-01T00:00:00Z&activatedTo=2026-01-01T00:00:00Z",
                null, 400);
        send("DELETE", "/rest/encryption/keys/" + active, null, 409);

        assertThat(d.dump()).isEqualTo(before);
    }

    private JsonNode send(String method, String path, String body, int expectedStatus)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("X-N8N-API-KEY", token)
                .timeout(Duration.ofSeconds(30));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s %s -> %s", method, path, response.body()).isEqualTo(expectedStatus);
        return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
    }

    private void awaitHealthy() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline && server.isAlive()) {
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base + "/healthz")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // the server is still starting
            }
            Thread.sleep(200);
        }
        throw new AssertionError("rekey serve did not become healthy; log:\n" + Files.readString(log));
    }

    private void awaitReencryption() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            String state = send("GET", "/rest/encryption/reencryption", null, 200).get("state").asText();
            if (!state.equals("running")) {
                assertThat(state).isEqualTo("succeeded");
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("re-encryption did not finish");
    }
}
