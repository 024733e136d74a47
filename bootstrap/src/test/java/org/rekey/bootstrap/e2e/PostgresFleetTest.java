package org.rekey.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rekey.domain.error.RekeyAssertions.assertRejected;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.rekey.adapter.persistence.PostgresTestSchema;
import org.rekey.application.audit.Actor;
import org.rekey.application.audit.AuditAction;
import org.rekey.application.audit.AuditEntry;
import org.rekey.application.error.ApplicationErrorCode;
import org.rekey.application.job.JobState;
import org.rekey.application.port.in.PageRequest;
import org.rekey.application.port.in.audit.AuditQuery;
import org.rekey.application.port.in.credential.CreateCredentialCommand;
import org.rekey.application.port.in.key.DataKeyView;
import org.rekey.application.port.in.maintenance.BatchCommand;
import org.rekey.application.port.in.maintenance.JobView;
import org.rekey.application.port.in.maintenance.ProgressListener;
import org.rekey.application.port.in.backup.BackupListener;
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

    private RekeyApp open() {
        return RekeyApp.open(new RekeyConfig(d.env()), StartOptions.NONE, BackupListener.NONE);
    }

    private void sql(String statement) throws Exception {
        try (Connection connection = d.connect(); Statement s = connection.createStatement()) {
            s.execute(statement);
        }
    }
}
