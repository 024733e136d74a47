package org.rekey.application.port.out.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rekey.domain.error.RekeyAssertions.assertRejected;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rekey.application.audit.Actor;
import org.rekey.application.audit.AuditAction;
import org.rekey.application.audit.AuditEntry;
import org.rekey.application.audit.AuditOutcome;
import org.rekey.application.error.ApplicationErrorCode;
import org.rekey.application.job.Job;
import org.rekey.application.job.JobCounts;
import org.rekey.application.job.JobKind;
import org.rekey.application.job.JobState;
import org.rekey.application.port.out.AuditLogPort;
import org.rekey.application.port.out.JobStorePort;
import org.rekey.application.port.out.TransactionPort;
import org.rekey.domain.error.RekeyException;

/**
 * The contract of {@link JobStorePort} and {@link AuditLogPort}, run against rekey's own database (H2 and
 * PostgreSQL) and the in-memory fake: one running job, compare-and-set saves, newest-first pages, filters, and
 * entries that commit or roll back with the transaction they were written in.
 */
public abstract class JobAndAuditStoreContract {

    private static final Instant T0 = Instant.parse("2024-05-06T07:08:09.123Z");
    private static final Actor ALICE = Actor.operator("alice", "ops-host");
    private static final Actor TOKEN = Actor.apiKey("K1", "ci");

    /** The ports of one store under test, over the same data. */
    public record OwnStore(TransactionPort transactions, JobStorePort jobs, AuditLogPort audit) {
    }

    private OwnStore store;

    /** A store holding no jobs and no audit entries. */
    protected abstract OwnStore newStore() throws Exception;

    @BeforeEach
    void openStore() throws Exception {
        store = newStore();
    }

    @Test
    void insertJob_storesIt_andOnlyOneRunsAtATime() {
        Job first = store.jobs().insertJob(running("job1", JobKind.REENCRYPT, T0));

        assertThat(store.jobs().runningJob()).contains(first);
        assertRejected(ApplicationErrorCode.JOB_RUNNING,
                () -> store.jobs().insertJob(running("job2", JobKind.DOWNGRADE, T0.plusSeconds(1))));
        assertThat(store.jobs().countJobs()).isEqualTo(1);
    }

    @Test
    void aFinishedJob_freesTheSlot_andKeepsItsEnd() {
        Job first = store.jobs().insertJob(running("job1", JobKind.REENCRYPT, T0));
        Job finished = store.jobs().updateJob(first.withCounts(new JobCounts(5, 5, 1), T0.plusSeconds(2))
                .finished(JobState.FAILED, T0.plusSeconds(3), Optional.of("1 record failed"))).orElseThrow();

        Job second = store.jobs().insertJob(running("job2", JobKind.DOWNGRADE, T0.plusSeconds(4)));

        assertThat(store.jobs().runningJob()).contains(second);
        Job stored = store.jobs().latestJob(JobKind.REENCRYPT).orElseThrow();
        assertThat(stored).isEqualTo(finished);
        assertThat(stored.state()).isEqualTo(JobState.FAILED);
        assertThat(stored.finishedAt()).contains(T0.plusSeconds(3));
        assertThat(stored.counts()).isEqualTo(new JobCounts(5, 5, 1));
        assertThat(stored.lastError()).contains("1 record failed");
        assertThat(stored.actor()).isEqualTo(ALICE);
    }

    @Test
    void updateJob_isACompareAndSetOnTheVersion() {
        Job read = store.jobs().insertJob(running("job1", JobKind.REENCRYPT, T0));
        Job saved = store.jobs().updateJob(read.withCounts(new JobCounts(1, 9, 0), T0.plusSeconds(5))).orElseThrow();

        assertThat(saved.version()).isGreaterThan(read.version());
        assertThat(store.jobs().updateJob(read.takenOver("other-host:7", T0.plusSeconds(60))))
                .as("a save from a stale read").isEmpty();
        assertThat(store.jobs().runningJob().orElseThrow().instance()).isEqualTo("host-a:1");
        assertThat(store.jobs().updateJob(running("nope", JobKind.REENCRYPT, T0))).as("a job never stored").isEmpty();
    }

    @Test
    void twoInstancesTakingOverOneJob_oneWins() throws Exception {
        Job stale = store.jobs().insertJob(running("job1", JobKind.REENCRYPT, T0));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Optional<Job>>> takeovers = List.of(
                    pool.submit(() -> store.transactions().inTransaction(
                            () -> store.jobs().updateJob(stale.takenOver("b:1", T0.plusSeconds(60))))),
                    pool.submit(() -> store.transactions().inTransaction(
                            () -> store.jobs().updateJob(stale.takenOver("c:1", T0.plusSeconds(60))))));
            long won = 0;
            for (Future<Optional<Job>> takeover : takeovers) {
                try {
                    won += takeover.get(30, TimeUnit.SECONDS).isPresent() ? 1 : 0;
                } catch (ExecutionException e) {
                    assertThat(e.getCause()).as("a lost race fails cleanly").isInstanceOf(RekeyException.class);
                }
            }
            assertThat(won).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void listJobs_isNewestFirst_pageByPage() {
        for (int i = 0; i < 5; i++) {
            Job job = store.jobs().insertJob(running("job" + i, JobKind.REENCRYPT, T0.plusSeconds(i)));
            store.jobs().updateJob(job.finished(JobState.SUCCEEDED, T0.plusSeconds(i), Optional.empty()));
        }

        assertThat(store.jobs().listJobs(0, 2)).extracting(Job::id).containsExactly("job4", "job3");
        assertThat(store.jobs().listJobs(2, 10)).extracting(Job::id).containsExactly("job2", "job1", "job0");
        assertThat(store.jobs().countJobs()).isEqualTo(5);
        assertThat(store.jobs().latestJob(JobKind.DOWNGRADE)).isEmpty();
        assertThat(store.jobs().latestJob(JobKind.REENCRYPT).orElseThrow().id()).isEqualTo("job4");
    }

    @Test
    void audit_isNewestFirst_filteredBySinceAndAction_andPaged() {
        store.audit().appendAudit(entry(T0, AuditAction.KEY_ROTATE, "k1"));
        store.audit().appendAudit(entry(T0.plusSeconds(10), AuditAction.KEY_DESTROY, "k0"));
        store.audit().appendAudit(entry(T0.plusSeconds(20), AuditAction.KEY_ROTATE, "k2"));
        store.audit().appendAudit(entry(T0.plusSeconds(20), AuditAction.API_KEY_CREATE, "K9"));

        assertThat(store.audit().listAudit(Optional.empty(), Optional.empty(), 0, 10)).extracting(AuditEntry::target)
                .containsExactly("K9", "k2", "k0", "k1");
        assertThat(store.audit().listAudit(Optional.of(T0.plusSeconds(10)), Optional.of(AuditAction.KEY_ROTATE), 0, 10))
                .extracting(AuditEntry::target).containsExactly("k2");
        assertThat(store.audit().countAudit(Optional.empty(), Optional.of(AuditAction.KEY_ROTATE))).isEqualTo(2);
        assertThat(store.audit().countAudit(Optional.of(T0.plusSeconds(10)), Optional.empty())).isEqualTo(3);
        assertThat(store.audit().listAudit(Optional.empty(), Optional.empty(), 1, 2)).extracting(AuditEntry::target)
                .containsExactly("k2", "k0");
        AuditEntry read = store.audit().listAudit(Optional.empty(), Optional.of(AuditAction.KEY_DESTROY), 0, 1).get(0);
        assertThat(read).isEqualTo(entry(T0.plusSeconds(10), AuditAction.KEY_DESTROY, "k0"));
    }

    @Test
    void anEntryWrittenInATransactionThatRollsBack_isGone() {
        assertRejected(ApplicationErrorCode.STORAGE_FAILURE, () -> store.transactions().inTransaction(() -> {
            store.audit().appendAudit(entry(T0, AuditAction.KEY_ROTATE, "k1"));
            throw new RekeyException(ApplicationErrorCode.STORAGE_FAILURE, "the change failed after its entry");
        }));

        assertThat(store.audit().countAudit(Optional.empty(), Optional.empty())).isZero();
    }

    private static Job running(String id, JobKind kind, Instant at) {
        return new Job(id, kind, JobState.RUNNING, "host-a:1", ALICE, at, at, Optional.empty(), JobCounts.NONE,
                Optional.empty(), 0);
    }

    private static AuditEntry entry(Instant at, AuditAction action, String target) {
        return new AuditEntry(at, TOKEN, action, target, AuditOutcome.SUCCEEDED, "detail of " + target);
    }
}
