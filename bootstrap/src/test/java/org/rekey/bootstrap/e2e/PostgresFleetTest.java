package org.rekey.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rekey.domain.error.RekeyAssertions.assertRejected;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.rekey.adapter.http.HttpServer;
import org.rekey.adapter.http.HttpUseCases;
import org.rekey.adapter.persistence.PostgresTestSchema;
import org.rekey.application.apikey.Scope;
import org.rekey.application.audit.Actor;
import org.rekey.application.audit.AuditAction;
import org.rekey.application.audit.AuditEntry;
import org.rekey.application.error.ApplicationErrorCode;
import org.rekey.application.job.JobState;
import org.rekey.application.port.in.PageRequest;
import org.rekey.application.port.in.apikey.CreateApiKeyCommand;
import org.rekey.application.port.in.audit.AuditQuery;
import org.rekey.application.port.in.backup.BackupListener;
import org.rekey.application.port.in.credential.CreateCredentialCommand;
import org.rekey.application.port.in.key.DataKeyView;
import org.rekey.application.port.in.maintenance.BatchCommand;
import org.rekey.application.port.in.maintenance.JobView;
import org.rekey.application.port.in.maintenance.ProgressListener;
import org.rekey.application.service.keyring.StartOptions;
import org.rekey.bootstrap.RekeyApp;
import org.rekey.bootstrap.RekeyConfig;

/** A fleet on one PostgreSQL: the jobs and the audit trail every instance sees, and one scheduled rotation. */
class PostgresFleetTest {

    @RegisterExtension
    static final PostgresTestSchema SCHEMA = new PostgresTestSchema();

    private static final Actor ALICE = Actor.operator("alice", "ops-host");
    private static final Actor SCHEDULER_A = Actor.scheduler("host-a:1");
    private static final Actor SCHEDULER_B = Actor.scheduler("host-b:2");

    @TempDir
    Path userFolder;

    private final HttpClient client = HttpClient.newHttpClient();
    private Deployment d;

    @BeforeEach
    void freshDatabase() throws Exception {
        d = Deployment.freshPostgres(SCHEMA, userFolder).rotation(true);
    }

    @Test
    void aJobRunningOnAnotherHost_isRefusedWithItsId_untilItsHeartbeatAges_thenResumedUnderItsId() throws Exception {
        try (RekeyApp a = open(); RekeyApp b = open()) {
            for (int i = 0; i < 5; i++) {
                a.credentials().createCredential().createCredential(new CreateCredentialCommand("c" + i, "t", "{}"));
            }
            a.keys().rotateDataKey().rotateDataKey(ALICE);
            sql("INSERT INTO job (id, kind, state, running, instance, actor_kind, actor_id, actor_label, started_at,"
                    + " heartbeat_at, done, total, failed, version) VALUES ('OtherHostJob0001', 'reencrypt',"
                    + " 'running', 1, 'other-host:7', 'operator', 'bob@other-host', 'bob', now(), now(), 2, 5, 0, 0)");

            Exception refused = assertRejected(ApplicationErrorCode.JOB_RUNNING, () -> b.maintenance()
                    .downgradeToLegacy().downgradeToLegacy(new BatchCommand(2, false), ProgressListener.NONE, ALICE));
            assertThat(refused.getMessage()).contains("OtherHostJob0001").contains("other-host:7");
            assertThat(a.maintenance().reencryptionJob().reencryptionJob().job().orElseThrow().state())
                    .isEqualTo(JobState.RUNNING);

            sql("UPDATE job SET heartbeat_at = now() - interval '1 minute'");
            assertThat(a.maintenance().reencryptionJob().reencryptionJob().job().orElseThrow().state())
                    .isEqualTo(JobState.ABANDONED);
            b.maintenance().reencrypt().reencrypt(new BatchCommand(2, false), ProgressListener.NONE, ALICE);

            JobView resumed = a.maintenance().listJobs().listJobs(PageRequest.first(10)).items().get(0);
            assertThat(resumed.id()).isEqualTo("OtherHostJob0001");
            assertThat(resumed.state()).isEqualTo(JobState.SUCCEEDED);
            assertThat(resumed.instance()).isNotEqualTo("other-host:7");
            assertThat(d.count("SELECT COUNT(*) FROM job")).isEqualTo(1);
            List<AuditEntry> trail = a.audit().listAudit().listAudit(new AuditQuery(Optional.empty(),
                    Optional.empty(), PageRequest.first(100))).items();
            assertThat(trail).extracting(AuditEntry::action).containsSubsequence(AuditAction.REENCRYPT_FINISH,
                    AuditAction.REENCRYPT_START, AuditAction.DOWNGRADE_START, AuditAction.KEY_ROTATE);
            assertThat(trail.get(1).detail()).contains("after instance other-host:7 stopped");
        }
    }

    @Test
    void instancesCheckingTheSchedule_atTheSameMoment_rotateOnceBetweenThem() throws Exception {
        try (RekeyApp a = open(); RekeyApp b = open()) {
            sql("UPDATE deployment_key SET created_at = now() - interval '2 days' WHERE status = 'active'");
            Duration period = Duration.ofDays(1);
            List<Callable<Optional<DataKeyView>>> checks = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                checks.add(() -> a.keys().rotateDataKey().rotateDataKeyIfOlderThan(period, SCHEDULER_A));
                checks.add(() -> b.keys().rotateDataKey().rotateDataKeyIfOlderThan(period, SCHEDULER_B));
            }
            ExecutorService pool = Executors.newFixedThreadPool(checks.size());
            long rotations = 0;
            try {
                for (Future<Optional<DataKeyView>> check : pool.invokeAll(checks, 60, TimeUnit.SECONDS)) {
                    rotations += check.get().isPresent() ? 1 : 0;
                }
            } finally {
                pool.shutdownNow();
            }

            assertThat(rotations).isEqualTo(1);
            assertThat(d.count("SELECT COUNT(*) FROM deployment_key WHERE type = 'data_encryption'")).isEqualTo(3);
            assertThat(d.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'key.rotate'"
                    + " AND actor_kind = 'scheduler' AND outcome = 'succeeded'")).isOne();
        }
    }

    @Test
    void aReencryptionStartedOverHttpOnOneInstance_isTheOneEveryInstanceShows_withItsAuditEntries() throws Exception {
        try (RekeyApp a = open(); RekeyApp b = open();
                HttpServer serverA = serve(a); HttpServer serverB = serve(b)) {
            for (int i = 0; i < 20; i++) {
                a.credentials().createCredential().createCredential(new CreateCredentialCommand("c" + i, "t", "{}"));
            }
            a.keys().rotateDataKey().rotateDataKey(ALICE);
            String token = a.apiKeys().createApiKey().createApiKey(
                    new CreateApiKeyCommand("fleet ops", Set.of(Scope.ENCRYPTION_KEY_MANAGE)), ALICE).token();

            JsonNode started = json(send(serverA, "POST", "/rest/encryption/reencryption", token, "{\"batchSize\":5}"));
            JsonNode onB = awaitFinished(serverB, token);

            assertThat(onB.get("id").asText()).isEqualTo(started.get("id").asText());
            assertThat(onB.get("state").asText()).isEqualTo("succeeded");
            assertThat(onB.get("progress").get("done").asLong()).isEqualTo(20);
            assertThat(onB.get("report").isNull()).as("the full report stays with the instance that ran it").isTrue();
            assertThat(json(send(serverA, "GET", "/rest/encryption/reencryption", token, null)).get("report")
                    .get("moved").asLong()).isEqualTo(20);
            JsonNode jobs = json(send(serverB, "GET", "/rest/encryption/jobs", token, null));
            assertThat(jobs.get("count").asLong()).isEqualTo(1);
            JsonNode trail = json(send(serverB, "GET", "/rest/audit?action=reencrypt.finish", token, null));
            assertThat(trail.get("items").get(0).get("actor").get("label").asText()).isEqualTo("fleet ops");
            assertThat(trail.get("items").get(0).get("target").asText()).isEqualTo(started.get("id").asText());
        }
    }

    private JsonNode awaitFinished(HttpServer server, String token) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        JsonNode job = json(send(server, "GET", "/rest/encryption/reencryption", token, null));
        while (job.get("state").asText().equals("running") && System.nanoTime() < deadline) {
            Thread.sleep(50);
            job = json(send(server, "GET", "/rest/encryption/reencryption", token, null));
        }
        return job;
    }

    private static HttpServer serve(RekeyApp app) {
        return new HttpServer(new HttpUseCases(app.keys(), app.credentials(), app.maintenance(), app.apiKeys(),
                app.settings(), app.audit())).start("127.0.0.1", 0);
    }

    private HttpResponse<String> send(HttpServer server, String method, String path, String token, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("X-N8N-API-KEY", token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        return new ObjectMapper().readTree(response.body());
    }

    private RekeyApp open() {
        return RekeyApp.open(new RekeyConfig(d.env()), StartOptions.NONE, BackupListener.NONE);
    }

    private void sql(String statement) throws Exception {
        try (Connection connection = d.connect(); Statement s = connection.createStatement()) {
            s.execute(statement);
        }
    }
}
