package org.rekey.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rekey.application.testing.Fixtures.OPERATOR;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rekey.adapter.http.HttpServer;
import org.rekey.adapter.http.HttpUseCases;
import org.rekey.adapter.http.metrics.RekeyMetrics;
import org.rekey.application.apikey.Scope;
import org.rekey.application.port.in.apikey.CreateApiKeyCommand;
import org.rekey.application.port.in.backup.BackupListener;
import org.rekey.application.port.in.credential.CreateCredentialCommand;
import org.rekey.application.port.in.credential.CredentialView;
import org.rekey.application.service.keyring.StartOptions;
import org.rekey.bootstrap.RekeyApp;
import org.rekey.bootstrap.RekeyConfig;

/** {@code GET /metrics} of a server wired as {@code rekey serve} wires it, scraped over real HTTP. */
class H2MetricsTest {

    @TempDir
    Path userFolder;

    private final HttpClient client = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private Deployment d;
    private RekeyMetrics metrics;
    private RekeyApp app;
    private HttpServer server;
    private String owner;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (app != null) {
            app.close();
        }
        if (metrics != null) {
            metrics.close();
        }
    }

    private void serve(boolean rotation) {
        d = Deployment.h2(userFolder).rotation(rotation);
        metrics = new RekeyMetrics();
        app = RekeyApp.open(new RekeyConfig(d.env()), StartOptions.NONE, BackupListener.NONE,
                new RekeyApp.Options(System::nanoTime, metrics.events(),
                        Optional.of(new MicrometerMetricsTrackerFactory(metrics.registry()))));
        server = new HttpServer(new HttpUseCases(app.keys(), app.credentials(), app.maintenance(), app.apiKeys(),
                app.settings(), app.audit()), metrics).start(0);
        owner = app.apiKeys().createApiKey().createApiKey(
                new CreateApiKeyCommand("owner", Set.of(Scope.values())), OPERATOR).token();
    }

    @Test
    void metrics_needAToken_andAnyValidTokenReadsThem_asPrometheusText() throws Exception {
        serve(true);
        String readOnly = app.apiKeys().createApiKey().createApiKey(
                new CreateApiKeyCommand("prometheus", Set.of(Scope.CREDENTIAL_READ)), OPERATOR).token();

        assertThat(send("GET", "/metrics", null).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/metrics", "rk_AAAAAAAAAAAAAAAA_" + "A".repeat(43)).statusCode()).isEqualTo(401);
        HttpResponse<String> scrape = send("GET", "/metrics", readOnly);

        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.headers().firstValue("Content-Type")).contains("text/plain; version=0.0.4; charset=utf-8");
        assertThat(scrape.body()).doesNotContain(readOnly).doesNotContain(owner).doesNotContain(Deployment.KEY);
    }

    @Test
    void metrics_showTheJvmTheProcessAndTheConnectionPool() throws Exception {
        serve(true);

        String text = scrape();

        for (String series : new String[] {"jvm_memory_used_bytes{", "jvm_threads_live_threads ",
            "jvm_classes_loaded_classes ", "jvm_gc_memory_allocated_bytes_total ", "process_cpu_usage ",
            "process_uptime_seconds ", "system_cpu_count ", "hikaricp_connections_active{pool=\"rekey\"} ",
            "hikaricp_connections_max{pool=\"rekey\"} ", "hikaricp_connections_acquire_seconds_count{"}) {
            assertThat(text).as(series).containsPattern("(?m)^" + Pattern.quote(series));
        }
    }

    @Test
    void httpLatency_isAHistogramPerMatchedRoute_neverPerRawPath() throws Exception {
        serve(true);
        CredentialView credential = create("{\"token\":\"t\"}");
        for (int i = 0; i < 3; i++) {
            assertThat(send("GET", "/rest/credentials/" + credential.id(), owner).statusCode()).isEqualTo(200);
        }
        assertThat(send("GET", "/rest/credentials/NoSuchRecord0000", owner).statusCode()).isEqualTo(404);
        send("GET", "/no/such/route/" + credential.id(), owner);

        String text = scrape();

        assertThat(sample(text, "http_server_requests_seconds_count{method=\"GET\",route=\"/rest/credentials/{id}\","
                + "status=\"200\"}")).isEqualTo(3);
        assertThat(sample(text, "http_server_requests_seconds_count{method=\"GET\",route=\"/rest/credentials/{id}\","
                + "status=\"404\"}")).isEqualTo(1);
        assertThat(sample(text, "http_server_requests_seconds_count{method=\"GET\",route=\"unmatched\","
                + "status=\"404\"}")).isEqualTo(1);
        assertThat(sample(text, "http_server_requests_seconds_bucket{method=\"GET\",route=\"/rest/credentials/{id}\","
                + "status=\"200\",le=\"+Inf\"}")).isEqualTo(3);
        assertThat(text).doesNotContain(credential.id()).doesNotContain("NoSuchRecord0000");
    }

    @Test
    void aRotationOverHttp_growsTheRotationCounter_andTheKeyGauges() throws Exception {
        serve(true);
        String before = scrape();
        assertThat(sample(before, "rekey_rotations_total")).isZero();
        assertThat(sample(before, "rekey_data_keys{status=\"active\"}")).isEqualTo(1);
        assertThat(sample(before, "rekey_data_keys{status=\"inactive\"}")).isEqualTo(1);
        assertThat(sample(before, "rekey_active_key_age_seconds")).isGreaterThanOrEqualTo(0);

        for (int i = 0; i < 2; i++) {
            assertThat(send("POST", "/rest/encryption/keys", owner, "{\"type\":\"data_encryption\"}").statusCode())
                    .isEqualTo(201);
        }
        String after = scrape();

        assertThat(sample(after, "rekey_rotations_total")).isEqualTo(2);
        assertThat(sample(after, "rekey_data_keys{status=\"active\"}")).isEqualTo(1);
        assertThat(sample(after, "rekey_data_keys{status=\"inactive\"}")).isEqualTo(3);
        assertThat(sample(after, "rekey_data_keys{status=\"destroyed\"}")).isZero();
    }

    @Test
    void recordsPerKey_andLegacyRecords_areCountedAtScrapeTime() throws Exception {
        d = Deployment.h2(userFolder).rotation(false);
        try (RekeyApp legacy = RekeyApp.open(new RekeyConfig(d.env()), StartOptions.NONE, BackupListener.NONE)) {
            legacy.credentials().createCredential().createCredential(new CreateCredentialCommand("old", "t", "{}"));
        }
        serve(true);
        CredentialView one = create("{\"a\":1}");
        create("{\"a\":2}");

        String text = scrape();

        assertThat(sample(text, "rekey_legacy_records")).isEqualTo(1);
        assertThat(sample(text, "rekey_records{key_id=\"" + one.keyId().orElseThrow() + "\",status=\"active\"}"))
                .isEqualTo(2);
    }

    @Test
    void aCorruptRecord_isCountedUnderItsDecryptFailureCode() throws Exception {
        serve(true);
        CredentialView credential = create("{\"token\":\"t\"}");
        String corrupt = credential.keyId().orElseThrow() + ":" + "A".repeat(120);
        try (Connection connection = d.connect();
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE credentials_entity SET data = ? WHERE id = ?")) {
            update.setString(1, corrupt);
            update.setString(2, credential.id());
            assertThat(update.executeUpdate()).isOne();
        }

        HttpResponse<String> read = send("GET", "/rest/credentials/" + credential.id() + "?includeData=true", owner);
        assertThat(read.statusCode()).isGreaterThanOrEqualTo(400);
        String code = json.readTree(read.body()).get("code").asText();

        assertThat(sample(scrape(), "rekey_decrypt_failures_total{code=\"" + code + "\"}")).isEqualTo(1);
    }

    @Test
    void aBackgroundReencryption_showsItsProgress() throws Exception {
        d = Deployment.h2(userFolder).rotation(false);
        try (RekeyApp legacy = RekeyApp.open(new RekeyConfig(d.env()), StartOptions.NONE, BackupListener.NONE)) {
            for (int i = 0; i < 3; i++) {
                legacy.credentials().createCredential().createCredential(new CreateCredentialCommand("n" + i, "t", "{}"));
            }
        }
        serve(true);
        assertThat(sample(scrape(), "rekey_reencryption_running")).isZero();

        assertThat(send("POST", "/rest/encryption/reencryption", owner, "{}").statusCode()).isEqualTo(202);
        JsonNode job;
        do {
            Thread.sleep(20);
            job = json.readTree(send("GET", "/rest/encryption/reencryption", owner).body());
        } while (job.get("state").asText().equals("running"));
        String text = scrape();

        assertThat(job.get("state").asText()).isEqualTo("succeeded");
        assertThat(sample(text, "rekey_reencryption_running")).isZero();
        assertThat(sample(text, "rekey_reencryption_records{state=\"done\"}")).isEqualTo(3);
        assertThat(sample(text, "rekey_reencryption_records{state=\"failed\"}")).isZero();
        assertThat(sample(text, "rekey_reencryption_records{state=\"remaining\"}")).isZero();
        assertThat(sample(text, "rekey_legacy_records")).isZero();
    }

    private CredentialView create(String data) {
        return app.credentials().createCredential().createCredential(new CreateCredentialCommand("n", "t", data));
    }

    private String scrape() throws IOException, InterruptedException {
        HttpResponse<String> response = send("GET", "/metrics", owner);
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    /** The value of the one sample named exactly {@code series} (name and labels as Micrometer writes them). */
    private static double sample(String text, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(text);
        assertThat(m.find()).as("a sample " + series + " in\n" + text).isTrue();
        return Double.parseDouble(m.group(1));
    }

    private HttpResponse<String> send(String method, String path, String token) throws IOException,
            InterruptedException {
        return send(method, path, token, null);
    }

    private HttpResponse<String> send(String method, String path, String token, String body) throws IOException,
            InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
