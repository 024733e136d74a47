package org.rekey.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.rekey.application.service.keyring.StartOptions;
import org.rekey.application.port.in.backup.BackupListener;
import org.rekey.adapter.persistence.PostgresTestSchema;
import org.rekey.application.port.in.credential.CreateCredentialCommand;
import org.rekey.application.port.in.credential.CredentialView;
import org.rekey.application.port.in.key.DataKeyView;
import org.rekey.application.port.in.key.ListDataKeysQuery;
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
                        app.keys().rotateDataKey().rotateDataKey();
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
            DataKeyView rotated = a.keys().rotateDataKey().rotateDataKey();
            assertThat(before.keyId()).isPresent().isNotEqualTo(java.util.Optional.of(rotated.id()));

            Thread.sleep(1000);
            CredentialView after = create(b);

            assertThat(after.keyId()).contains(rotated.id());
            assertThat(b.credentials().getCredential().getCredential(new RecordId(before.id()), true).data()).isPresent();
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
