package org.rekey.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rekey.bootstrap.e2e.SeedWalkthroughContract.ok;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rekey.adapter.http.HttpUseCases;
import org.rekey.application.port.in.backup.BackupListener;
import org.rekey.application.service.keyring.StartOptions;
import org.rekey.adapter.http.HttpServer;
import org.rekey.bootstrap.Cli;
import org.rekey.bootstrap.RekeyApp;
import org.rekey.bootstrap.RekeyConfig;

/** Hostile input and broken rows on a real database, over HTTP and the command line: clear errors, nothing lost. */
abstract class HardeningContract {

    private static final ObjectMapper JSON = new ObjectMapper();

    abstract Deployment newDeployment() throws Exception;

    Deployment d;
    private final HttpClient http = HttpClient.newHttpClient();
    private RekeyApp app;
    private HttpServer server;
    private String token;

    @BeforeEach
    void deploy() throws Exception {
        d = newDeployment().rotation(true);
        token = ok(d.run("api-keys", "create", "--label", "hardening", "--owner")).out().strip();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (app != null) {
            app.close();
        }
    }

    /** Opens the app on the deployment and serves it on a free loopback port. */
    void serve() {
        app = RekeyApp.open(new RekeyConfig(d.env()), StartOptions.NONE, BackupListener.NONE);
        server = new HttpServer(new HttpUseCases(app.keys(), app.credentials(), app.maintenance(), app.apiKeys(),
                app.settings(), app.audit())).start("127.0.0.1", 0);
    }

    RekeyApp app() {
        return app;
    }

    record Answer(int status, JsonNode body) {
        String code() {
            return body == null || !body.has("code") ? null : body.get("code").asText();
        }
    }

    Answer send(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("X-N8N-API-KEY", token).timeout(Duration.ofSeconds(60));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body().isEmpty() ? null : JSON.readTree(response.body()));
    }

    @Test
    void nulInNameOrType_overHttp_is400_andStoresNothing() throws Exception {
        serve();
        List<String> before = d.dump();

        Answer name = send("POST", "/rest/credentials", "{\"name\":\"a\\u0000b\",\"type\":\"t\",\"data\":{\"k\":1}}");
        Answer type = send("POST", "/rest/credentials", "{\"name\":\"n\",\"type\":\"t\\u0000\",\"data\":{\"k\":1}}");

        assertThat(name.status()).as(String.valueOf(name.body())).isEqualTo(400);
        assertThat(name.code()).isEqualTo("INVALID_INPUT");
        assertThat(name.body().get("message").asText()).contains("name").contains("control characters");
        assertThat(type.status()).as(String.valueOf(type.body())).isEqualTo(400);
        assertThat(type.body().get("message").asText()).contains("type");
        String id = send("POST", "/rest/credentials", "{\"name\":\"n\",\"type\":\"t\",\"data\":{\"k\":1}}").body()
                .get("id").asText();
        Answer rename = send("PATCH", "/rest/credentials/" + id, "{\"name\":\"x\\u0000\"}");
        assertThat(rename.status()).as(String.valueOf(rename.body())).isEqualTo(400);
        assertThat(send("GET", "/rest/credentials/" + id, null).body().get("name").asText()).isEqualTo("n");
        assertThat(d.dump()).hasSize(before.size() + 1);
    }

    @Test
    void nulInNameOrType_onTheCommandLine_exits2_andImportsNothing() throws Exception {
        String value = Openssl.encrypt("{\"a\":1}", Deployment.KEY);
        Path file = Files.writeString(Files.createDirectories(d.userFolder()).resolve("nul.json"), """
                [{"id":"good1","name":"ok","type":"t","data":"%s"},
                 {"id":"nul2","name":"bad\\u0000name","type":"t","data":"%s"}]
                """.formatted(value, value));
        List<String> before = d.dump();

        Cli.Result imported = d.run("credentials", "import", file.toString());
        Cli.Result created = d.run("credentials", "create", "--name", "n", "--type", "t\u0001", "--data", "{}");

        assertThat(imported.exit()).as(imported.toString()).isEqualTo(2);
        assertThat(imported.err()).startsWith("error:").contains("entry 2").contains("nul2")
                .contains("control characters");
        assertThat(created.exit()).as(created.toString()).isEqualTo(2);
        assertThat(d.dump()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Act1veKeyId00001:abc:def", ":abc", "bad id:abc"})
    void oneMalformedStoredValue_stillListsWithEveryOther_andOnlyItsDataFails(String broken) throws Exception {
        String good = createdId("good");
        String bad = createdId("bad");
        String other = createdId("other");
        storeValue(bad, broken);
        serve();

        Answer page = send("GET", "/rest/credentials", null);
        assertThat(page.status()).as(String.valueOf(page.body())).isEqualTo(200);
        assertThat(page.body().get("items").findValuesAsText("id")).containsExactlyInAnyOrder(good, bad, other);
        JsonNode listed = item(page.body().get("items"), bad);
        assertThat(listed.get("keyId").isNull()).isTrue();
        assertThat(listed.get("valueFormat").asText()).isEqualTo("malformed");
        assertThat(item(page.body().get("items"), good).get("valueFormat").asText()).isEqualTo("data-key");
        Answer metadata = send("GET", "/rest/credentials/" + bad, null);
        assertThat(metadata.status()).isEqualTo(200);
        assertThat(metadata.body().get("valueFormat").asText()).isEqualTo("malformed");
        Answer data = send("GET", "/rest/credentials/" + bad + "?includeData=true", null);
        assertThat(data.status()).isEqualTo(422);
        assertThat(data.code()).isEqualTo("MALFORMED_STORED_VALUE");
        assertThat(data.body().get("message").asText()).contains(bad);
        assertThat(send("GET", "/rest/credentials/" + other + "?includeData=true", null).status()).isEqualTo(200);

        Cli.Result list = d.run("credentials", "list");
        assertThat(list.exit()).as(list.toString()).isZero();
        assertThat(list.out()).contains(bad).contains("malformed").contains(good);
        JsonNode listedByCli = item(ok(d.run("credentials", "list", "--json")).json().get("items"), bad);
        assertThat(listedByCli.get("valueFormat").asText()).isEqualTo("malformed");
        Cli.Result get = d.run("credentials", "get", bad);
        assertThat(get.exit()).as(get.toString()).isEqualTo(2);
        assertThat(get.err()).startsWith("error: credential " + bad).contains("[MALFORMED_STORED_VALUE]");
        Cli.Result verify = d.run("verify", "--json");
        assertThat(verify.exit()).as(verify.toString()).isEqualTo(1);
        assertThat(verify.out()).contains(bad);
    }

    @Test
    void aMalformedStoredValue_isRepairedByWritingNewData() throws Exception {
        String bad = createdId("bad");
        storeValue(bad, "");
        serve();

        Answer renamed = send("PATCH", "/rest/credentials/" + bad, "{\"name\":\"renamed\"}");
        Answer repaired = send("PATCH", "/rest/credentials/" + bad, "{\"data\":{\"k\":2}}");

        assertThat(renamed.status()).as("a rename must decrypt the old data").isEqualTo(422);
        assertThat(repaired.status()).as(String.valueOf(repaired.body())).isEqualTo(200);
        assertThat(send("GET", "/rest/credentials/" + bad + "?includeData=true", null).body().get("data").get("k")
                .asInt()).isEqualTo(2);
    }

    @ParameterizedTest(name = "rotation enabled: {0}")
    @ValueSource(booleans = {false, true})
    void healthz_is503_onceTheDatabaseItServesIsGone_whateverTheFlag(boolean rotation) throws Exception {
        d.rotation(rotation);
        serve();
        assertThat(health()).isEqualTo(200);

        try (Connection connection = d.connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE credentials_entity");
        }

        assertThat(health()).isEqualTo(503);
    }

    private int health() throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/healthz"))
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private String createdId(String name) {
        return ok(d.run("credentials", "create", "--name", name, "--type", "t", "--data", "{\"k\":1}", "--json"))
                .json().get("id").asText();
    }

    /** Writes {@code value} as a record's stored value with plain SQL, as a broken tool or a bad restore would. */
    private void storeValue(String id, String value) throws SQLException {
        try (Connection connection = d.connect();
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE credentials_entity SET data = ? WHERE id = ?")) {
            update.setString(1, value);
            update.setString(2, id);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    private static JsonNode item(JsonNode items, String id) {
        for (JsonNode item : items) {
            if (item.get("id").asText().equals(id)) {
                return item;
            }
        }
        throw new AssertionError("no item " + id + " in " + items);
    }
}
