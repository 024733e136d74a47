package org.rekey.bootstrap.project;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rekey.adapter.http.HttpServer;
import org.rekey.adapter.http.HttpUseCases;
import org.rekey.adapter.http.metrics.RekeyMetrics;
import org.rekey.application.apikey.Scope;
import org.rekey.application.audit.Actor;
import org.rekey.application.port.in.apikey.CreateApiKeyCommand;
import org.rekey.application.port.in.backup.BackupListener;
import org.rekey.application.port.in.credential.CreateCredentialCommand;
import org.rekey.application.port.in.credential.CredentialView;
import org.rekey.application.service.keyring.StartOptions;
import org.rekey.bootstrap.RekeyApp;
import org.rekey.bootstrap.RekeyConfig;
import org.rekey.bootstrap.e2e.Deployment;

/**
 * {@code packaging/prometheus/prometheus.yml} and {@code rekey-alerts.yml}: YAML in the shapes Prometheus reads,
 * expressions that are well formed, and every metric they use one that {@code rekey serve} exposes, found by
 * scraping a real server.
 */
class PackagingPrometheusTest {

    private static final Path ROOT = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent();
    private static final Path CONFIG = ROOT.resolve("packaging/prometheus/prometheus.yml");
    private static final Path ALERTS = ROOT.resolve("packaging/prometheus/rekey-alerts.yml");
    private static final Path OPERATIONS = ROOT.resolve("docs/OPERATIONS.md");

    /** Metric names of the families rekey's /metrics has; label names and functions never start so. */
    private static final Pattern METRIC =
            Pattern.compile("(?<![\\w:])((?:rekey|http_server|hikaricp|jvm|process|system)_[A-Za-z0-9_]*)");
    private static final Pattern CALL = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\s*\\(");
    private static final Pattern RANGE = Pattern.compile("\\[([^\\]]*)\\]");
    private static final Pattern DURATION = Pattern.compile("(?:\\d+(?:ms|[smhdwy]))+");
    private static final Set<String> FUNCTIONS = Set.of("sum", "max", "min", "avg", "count", "rate", "irate",
            "increase", "delta", "absent", "absent_over_time", "max_over_time", "min_over_time", "avg_over_time",
            "histogram_quantile", "changes", "resets", "clamp_min", "clamp_max", "time", "vector");
    private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right", "and", "or", "unless", "bool");
    private static final Set<String> RULE_FIELDS = Set.of("alert", "expr", "for", "keep_firing_for", "labels",
            "annotations");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @TempDir
    static Path userFolder;

    /** The sample names {@code GET /metrics} of a real server returned. */
    private static Set<String> exposed;

    @BeforeAll
    static void scrapeARealServer() throws Exception {
        exposed = sampleNames(scrapeAfterADecryptFailure(userFolder));
    }

    @Test
    void scrapeConfig_scrapesMetricsWithABearerTokenFile_andLoadsTheAlertRules() throws IOException {
        JsonNode config = YAML.readTree(CONFIG.toFile());

        assertThat(fieldNames(config)).isSubsetOf("global", "rule_files", "alerting", "scrape_configs");
        assertThat(config.path("global").path("scrape_interval").asText()).matches(DURATION);
        assertThat(texts(config.path("rule_files"))).containsExactly(ALERTS.getFileName().toString());
        JsonNode scrape = config.path("scrape_configs");
        assertThat(scrape.isArray()).isTrue();
        assertThat(scrape).hasSize(1);
        JsonNode job = scrape.get(0);
        assertThat(fieldNames(job)).isSubsetOf("job_name", "metrics_path", "scheme", "scrape_interval",
                "scrape_timeout", "authorization", "static_configs");
        assertThat(job.path("job_name").asText()).isEqualTo("rekey");
        assertThat(job.path("metrics_path").asText()).isEqualTo("/metrics");
        assertThat(job.path("scheme").asText()).isIn("http", "https");
        assertThat(job.path("scrape_timeout").asText()).matches(DURATION);
        assertThat(job.path("authorization").path("type").asText()).isEqualTo("Bearer");
        assertThat(job.path("authorization").path("credentials_file").asText()).startsWith("/");
        assertThat(job.path("authorization").has("credentials")).as("the token is in a file, not here").isFalse();
        assertThat(job.path("static_configs")).isNotEmpty().allSatisfy(group -> {
            assertThat(fieldNames(group)).isSubsetOf("targets", "labels");
            assertThat(texts(group.path("targets"))).isNotEmpty().allMatch(t -> t.matches("[\\w.-]+:\\d+"));
        });
        JsonNode managers = config.path("alerting").path("alertmanagers");
        assertThat(managers).isNotEmpty().allSatisfy(m -> assertThat(m.path("static_configs")).isNotEmpty());
    }

    @Test
    void alertRules_eachHaveAnUniqueNameAnExpressionADurationASeverityAndText() throws IOException {
        List<JsonNode> rules = rules();

        assertThat(rules).isNotEmpty();
        Set<String> names = new HashSet<>();
        assertThat(rules).allSatisfy(rule -> {
            String name = rule.path("alert").asText();
            assertThat(name).matches("Rekey[A-Z][A-Za-z0-9]*");
            assertThat(names.add(name)).as("%s is defined once", name).isTrue();
            assertThat(fieldNames(rule)).as(name).isSubsetOf(RULE_FIELDS)
                    .contains("alert", "expr", "for", "labels", "annotations");
            assertThat(rule.path("expr").asText()).as(name).isNotBlank();
            assertThat(rule.path("for").asText()).as(name).matches(DURATION);
            assertThat(rule.path("labels").path("severity").asText()).as(name).isIn("critical", "warning");
            assertThat(fieldNames(rule.path("annotations"))).as(name).contains("summary", "description");
            rule.path("annotations").forEach(text -> assertBalanced(name + " annotation", text.asText(),
                    "{{", "}}"));
        });
    }

    @Test
    void alertExpressions_areBalanced_callOnlyPromqlFunctions_andUseValidRanges() throws IOException {
        assertThat(rules()).allSatisfy(rule -> {
            String name = rule.path("alert").asText();
            String expr = withoutStrings(rule.path("expr").asText());
            int depth = 0;
            for (char c : expr.toCharArray()) {
                depth += switch (c) {
                    case '(', '[', '{' -> 1;
                    case ')', ']', '}' -> -1;
                    default -> 0;
                };
                assertThat(depth).as("%s: a bracket closes before it opens: %s", name, expr).isNotNegative();
            }
            assertThat(depth).as("%s: every bracket closes: %s", name, expr).isZero();
            Matcher call = CALL.matcher(expr);
            while (call.find()) {
                assertThat(call.group(1)).as("%s calls a PromQL function or aggregation", name)
                        .isIn(union(FUNCTIONS, KEYWORDS));
            }
            Matcher range = RANGE.matcher(expr);
            while (range.find()) {
                assertThat(range.group(1)).as("%s: a range is a duration", name).matches(DURATION);
            }
        });
    }

    @Test
    void alertRules_watchWhatOperationsSaysToAlertOn_andOperationsNamesEveryAlert() throws IOException {
        Set<String> used = new TreeSet<>();
        for (JsonNode rule : rules()) {
            used.addAll(metricsIn(rule.path("expr").asText()));
        }
        String expressions = String.join("\n", rules().stream().map(r -> r.path("expr").asText()).toList());
        String operations = Files.readString(OPERATIONS, StandardCharsets.UTF_8);

        assertThat(used).contains("rekey_decrypt_failures_total", "rekey_scrape_errors_total",
                "rekey_active_key_age_seconds", "rekey_legacy_records", "rekey_jobs_abandoned");
        assertThat(expressions).contains("up{job=\"rekey\"} == 0");
        assertThat(rules()).allSatisfy(rule -> assertThat(operations)
                .as("docs/OPERATIONS.md explains %s", rule.path("alert").asText())
                .contains("`" + rule.path("alert").asText() + "`"));
    }

    @Test
    void everyMetricTheAlertsUse_isOneRekeyServeExposes() throws IOException {
        Set<String> used = new TreeSet<>();
        for (JsonNode rule : rules()) {
            used.addAll(metricsIn(rule.path("expr").asText()));
        }

        assertThat(exposed).contains("rekey_data_keys", "http_server_requests_seconds_count");
        assertThat(used).isNotEmpty().allSatisfy(metric -> assertThat(exposed)
                .as("%s is used by an alert; GET /metrics exposes it", metric).contains(metric));
    }

    private static List<JsonNode> rules() throws IOException {
        JsonNode alerts = YAML.readTree(ALERTS.toFile());
        assertThat(fieldNames(alerts)).containsExactly("groups");
        List<JsonNode> rules = new ArrayList<>();
        assertThat(alerts.path("groups")).isNotEmpty().allSatisfy(group -> {
            assertThat(fieldNames(group)).isSubsetOf("name", "interval", "rules").contains("name", "rules");
            assertThat(group.path("rules").isArray()).isTrue();
            group.path("rules").forEach(rules::add);
        });
        return rules;
    }

    private static Set<String> metricsIn(String expr) {
        Set<String> names = new TreeSet<>();
        Matcher m = METRIC.matcher(withoutStrings(expr));
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** The expression with every quoted label value emptied, so that brackets and names in them do not count. */
    private static String withoutStrings(String expr) {
        return expr.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"");
    }

    private static void assertBalanced(String what, String text, String open, String close) {
        assertThat(text.split(Pattern.quote(open), -1).length).as("%s: every %s closes with %s: %s", what, open,
                close, text).isEqualTo(text.split(Pattern.quote(close), -1).length);
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            names.add(it.next());
        }
        return names;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }

    /** Sample names (the part before the labels) of a Prometheus text exposition. */
    private static Set<String> sampleNames(String text) {
        Set<String> names = new TreeSet<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                names.add(line.split("[{ ]", 2)[0]);
            }
        }
        return names;
    }

    /**
     * {@code rekey serve}'s wiring on H2, one credential whose stored value is corrupt and read once over HTTP (so
     * the decrypt-failure counter exists), then {@code GET /metrics}.
     */
    private static String scrapeAfterADecryptFailure(Path folder) throws Exception {
        Deployment d = Deployment.h2(folder).rotation(true);
        HttpClient client = HttpClient.newHttpClient();
        try (RekeyMetrics metrics = new RekeyMetrics();
                RekeyApp app = RekeyApp.open(new RekeyConfig(d.env()), StartOptions.NONE, BackupListener.NONE,
                        new RekeyApp.Options(System::nanoTime, metrics.events(),
                                Optional.of(new MicrometerMetricsTrackerFactory(metrics.registry()))));
                HttpServer server = new HttpServer(new HttpUseCases(app.keys(), app.credentials(),
                        app.maintenance(), app.apiKeys(), app.settings(), app.audit()), metrics).start(0)) {
            String token = app.apiKeys().createApiKey().createApiKey(
                    new CreateApiKeyCommand("prometheus", Set.of(Scope.values())), Actor.thisOperator()).token();
            CredentialView credential = app.credentials().createCredential().createCredential(
                    new CreateCredentialCommand("n", "t", "{\"token\":\"t\"}"));
            try (Connection connection = d.connect();
                    PreparedStatement update = connection.prepareStatement(
                            "UPDATE credentials_entity SET data = ? WHERE id = ?")) {
                update.setString(1, credential.keyId().orElseThrow() + ":" + "A".repeat(120));
                update.setString(2, credential.id());
                assertThat(update.executeUpdate()).isOne();
            }
            String base = "http://127.0.0.1:" + server.port();
            assertThat(get(client, base + "/rest/credentials/" + credential.id() + "?includeData=true", token)
                    .statusCode()).isEqualTo(422);
            get(client, base + "/metrics", token);
            HttpResponse<String> scrape = get(client, base + "/metrics", token);
            assertThat(scrape.statusCode()).isEqualTo(200);
            return scrape.body();
        }
    }

    private static HttpResponse<String> get(HttpClient client, String url, String token)
            throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
