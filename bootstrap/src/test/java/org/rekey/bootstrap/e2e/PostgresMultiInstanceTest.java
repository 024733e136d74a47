package org.rekey.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rekey.application.testing.Fixtures.OPERATOR;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.rekey.adapter.persistence.PostgresTestSchema;
import org.rekey.application.apikey.Scope;
import org.rekey.application.port.in.apikey.CreateApiKeyCommand;
import org.rekey.application.port.in.apikey.CreatedApiKey;
import org.rekey.application.port.in.backup.BackupListener;
import org.rekey.application.port.in.credential.CreateCredentialCommand;
import org.rekey.application.port.in.credential.CredentialView;
import org.rekey.application.port.in.key.DataKeyView;
import org.rekey.application.port.in.key.ListDataKeysQuery;
import org.rekey.application.service.keyring.RekeySettings;
import org.rekey.application.service.keyring.StartOptions;
import org.rekey.bootstrap.RekeyApp;
import org.rekey.bootstrap.RekeyConfig;
import org.rekey.domain.record.RecordId;

/** Several instances on one PostgreSQL database, each with its own pool and keyring cache. */
class PostgresMultiInstanceTest {

    @RegisterExtension
    static final PostgresTestSchema SCHEMA = new PostgresTestSchema();

    @TempDir
    Path userFolder;

    private Deployment d;

    @BeforeEach
    void freshDatabase() throws Exception {
        d = Deployment.freshPostgres(SCHEMA, userFolder).rotation(true);
    }

    @Test
    void twoInstancesStartingAtOnce_seedOneActiveKey() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<RekeyApp>> starts = List.of(pool.submit(this::open), pool.submit(this::open));
            for (Future<RekeyApp> start : starts) {
                start.get().close();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(d.count("SELECT COUNT(*) FROM deployment_key WHERE status = 'active'")).isOne();
        assertThat(d.count("SELECT COUNT(*) FROM deployment_key")).isEqualTo(2);
    }

    @Test
    void twoInstancesRotatingAtOnce_endWithExactlyOneActiveKey_andNoError() throws Exception {
        try (RekeyApp a = open(); RekeyApp b = open()) {
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<?>> rotations = new ArrayList<>();
            for (RekeyApp app : List.of(a, b)) {
                rotations.add(pool.submit(() -> {
                    for (int i = 0; i < 15; i++) {
                        app.keys().rotateDataKey().rotateDataKey(OPERATOR);
                    }
                }));
            }
            for (Future<?> rotation : rotations) {
                rotation.get();
            }
            pool.shutdown();
            List<DataKeyView> keys = a.keys().listDataKeys().listDataKeys(ListDataKeysQuery.all()).items();
            assertThat(keys).hasSize(2 + 30);
            assertThat(keys.stream().filter(k -> k.status().equals("active"))).hasSize(1);
        }
    }

    @Test
    void afterARotationOnOneInstance_anotherWritesUnderTheNewKeyWithinOneSecond() throws Exception {
        try (RekeyApp a = open(); RekeyApp b = open()) {
            CredentialView before = create(b);
            DataKeyView rotated = a.keys().rotateDataKey().rotateDataKey(OPERATOR);
            assertThat(before.keyId()).isPresent().isNotEqualTo(java.util.Optional.of(rotated.id()));

            Thread.sleep(1000);
            CredentialView after = create(b);

            assertThat(after.keyId()).contains(rotated.id());
            assertThat(b.credentials().getCredential().getCredential(new RecordId(before.id()), true).data()).isPresent();
        }
    }

    @Test
    void aTokenRevokedOnOneInstance_isRefusedAtOnceThere_andOnAnotherOnceItsCacheIsOlderThanTheBound()
            throws Exception {
        AtomicLong bNanos = new AtomicLong();
        try (RekeyApp a = open(); RekeyApp b = RekeyApp.open(new RekeyConfig(d.env()), StartOptions.NONE, BackupListener.NONE,
                new RekeyApp.Options(bNanos::get))) {
            CreatedApiKey created = a.apiKeys().createApiKey().createApiKey(
                    new CreateApiKeyCommand("ci", Set.of(Scope.CREDENTIAL_READ)), OPERATOR);
            assertThat(a.apiKeys().authenticate().authenticate(created.token())).isPresent();
            assertThat(b.apiKeys().authenticate().authenticate(created.token())).isPresent();

            a.apiKeys().revokeApiKey().revokeApiKey(created.key().id(), OPERATOR);

            assertThat(a.apiKeys().authenticate().authenticate(created.token())).isEmpty();
            bNanos.addAndGet(RekeySettings.DEFAULT_KEY_REFRESH.toNanos());
            assertThat(b.apiKeys().authenticate().authenticate(created.token())).isEmpty();
            assertThat(RekeySettings.DEFAULT_KEY_REFRESH).isLessThan(Duration.ofSeconds(1));
        }
    }

    @Test
    void aTokenUsedOnAnInstance_isReadFromTheDatabaseAtMostOncePerBound() throws Exception {
        AtomicLong nanos = new AtomicLong();
        try (RekeyApp a = RekeyApp.open(new RekeyConfig(d.env()), StartOptions.NONE,
                BackupListener.NONE, new RekeyApp.Options(nanos::get))) {
            CreatedApiKey created = a.apiKeys().createApiKey().createApiKey(
                    new CreateApiKeyCommand("ci", Set.of(Scope.CREDENTIAL_READ)), OPERATOR);
            assertThat(a.apiKeys().authenticate().authenticate(created.token())).isPresent();

            try (Connection connection = d.connect(); Statement statement = connection.createStatement()) {
                statement.execute("DELETE FROM api_key");
            }

            assertThat(a.apiKeys().authenticate().authenticate(created.token())).isPresent();
            nanos.addAndGet(RekeySettings.DEFAULT_KEY_REFRESH.toNanos());
            assertThat(a.apiKeys().authenticate().authenticate(created.token())).isEmpty();
        }
    }

    private RekeyApp open() {
        return RekeyApp.open(new RekeyConfig(d.env()), StartOptions.NONE, BackupListener.NONE);
    }

    private static CredentialView create(RekeyApp app) {
        return app.credentials().createCredential().createCredential(
                new CreateCredentialCommand("n", "t", "{\"k\":\"v\"}"));
    }
}
