package org.rekey.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rekey.application.testing.Fixtures.OPERATOR;
import static org.rekey.bootstrap.e2e.SeedWalkthroughContract.ok;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.rekey.adapter.persistence.PostgresTestSchema;
import org.rekey.application.port.in.backup.BackupListener;
import org.rekey.application.port.in.credential.CreateCredentialCommand;
import org.rekey.application.port.in.credential.CredentialView;
import org.rekey.application.port.in.credential.ListCredentialsQuery;
import org.rekey.application.service.keyring.StartOptions;
import org.rekey.bootstrap.RekeyApp;
import org.rekey.bootstrap.RekeyConfig;
import org.rekey.domain.record.RecordId;

/**
 * Eager re-encryption as real processes on PostgreSQL: killed with SIGKILL at random points and resumed,
 * then two processes at once. Afterwards every record is on the active key, decrypts to what was
 * written, and (for the concurrent run) was rewritten exactly once.
 */
class PostgresReencryptProcessTest {

    private static final int RECORDS = 3000;

    @RegisterExtension
    static final PostgresTestSchema SCHEMA = new PostgresTestSchema();

    @TempDir
    Path userFolder;

    private Deployment d;
    private final Map<String, String> written = new HashMap<>();

    @BeforeEach
    void seedRecordsUnderAnOldKey() throws Exception {
        d = Deployment.freshPostgres(SCHEMA, userFolder).rotation(true);
        try (RekeyApp app = RekeyApp.open(new RekeyConfig(d.env()), StartOptions.NONE, BackupListener.NONE)) {
            for (int i = 0; i < RECORDS; i++) {
                String data = "{\"token\":\"secret-" + i + "\"}";
                CredentialView created = app.credentials().createCredential().createCredential(
                        new CreateCredentialCommand("credential " + i, "httpBasicAuth", data));
                written.put(created.id(), data);
            }
            app.keys().rotateDataKey().rotateDataKey(OPERATOR);
        }
    }

    @Test
    void killedAtRandomPoints_thenResumed_leavesEveryRecordReadableOnTheActiveKey() throws Exception {
        Random random = new Random(7);
        Path log = Files.createTempFile(userFolder, "reencrypt", ".log");
        for (int kill = 1; kill <= 3; kill++) {
            long target = movedCount() + 100 + random.nextInt(400);
            RekeyProcess process = RekeyProcess.start(d.env(), log, "reencrypt", "--batch-size", "25");
            while (process.isAlive() && movedCount() < target) {
                Thread.sleep(5);
            }
            process.kill();
            assertEveryRecordReadsAsWritten();
        }
        assertThat(movedCount()).as("the kills left work to do").isLessThan(RECORDS);

        int exit = RekeyProcess.start(d.env(), log, "reencrypt", "--batch-size", "100").waitFor();

        assertThat(exit).as("log: %s", Files.readString(log)).isZero();
        assertThat(movedCount()).isEqualTo(RECORDS);
        ok(d.run("verify"));
        assertEveryRecordReadsAsWritten();
    }

    @Test
    void twoProcessesAtOnce_rewriteEachRecordExactlyOnce() throws Exception {
        assertThat(d.count("SELECT COUNT(*) FROM credentials_entity WHERE version <> 0")).isZero();
        Path log = Files.createTempFile(userFolder, "reencrypt", ".log");

        RekeyProcess first = RekeyProcess.start(d.env(), log, "reencrypt", "--batch-size", "20");
        RekeyProcess second = RekeyProcess.start(d.env(), log, "reencrypt", "--batch-size", "20");

        assertThat(first.waitFor()).as("log: %s", Files.readString(log)).isZero();
        assertThat(second.waitFor()).as("log: %s", Files.readString(log)).isZero();
        assertThat(movedCount()).isEqualTo(RECORDS);
        assertThat(d.count("SELECT COUNT(*) FROM credentials_entity WHERE version <> 1"))
                .as("records rewritten more than once, or not at all").isZero();
        ok(d.run("verify"));
    }

    private long movedCount() throws Exception {
        return d.count("SELECT COUNT(*) FROM credentials_entity c JOIN deployment_key k ON c.key_id = k.id"
                + " WHERE k.status = 'active'");
    }

    private void assertEveryRecordReadsAsWritten() throws Exception {
        try (RekeyApp app = RekeyApp.open(new RekeyConfig(d.env()), StartOptions.NONE, BackupListener.NONE)) {
            assertThat(app.credentials().listCredentials().listCredentials(ListCredentialsQuery.all()).count())
                    .isEqualTo(RECORDS);
            for (Map.Entry<String, String> entry : written.entrySet()) {
                assertThat(app.credentials().getCredential().getCredential(new RecordId(entry.getKey()), true).data())
                        .contains(entry.getValue());
            }
        }
    }
}
