package org.rekey.application.service.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.rekey.domain.error.RekeyAssertions.assertRejected;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rekey.application.audit.Actor;
import org.rekey.application.audit.AuditAction;
import org.rekey.application.audit.AuditEntry;
import org.rekey.application.audit.AuditOutcome;
import org.rekey.application.error.ApplicationErrorCode;
import org.rekey.application.job.Job;
import org.rekey.application.job.JobKind;
import org.rekey.application.job.JobState;
import org.rekey.application.port.in.PageRequest;
import org.rekey.application.port.in.maintenance.JobView;
import org.rekey.application.port.in.maintenance.Progress;
import org.rekey.application.service.audit.AuditTrail;
import org.rekey.application.testing.Fixtures;
import org.rekey.application.testing.InMemoryStore;
import org.rekey.application.testing.MutableClock;
import org.rekey.domain.error.ErrorCode;
import org.rekey.domain.error.RekeyException;

/** Jobs shared by a fleet: one at a time, heartbeats, abandoned and resumed, each start and end in the trail. */
class JobRunnerTest {

    private static final Actor ALICE = Actor.operator("alice", "ops-host");
    private static final Actor BOB = Actor.apiKey("K2", "bob's token");

    private final InMemoryStore own = new InMemoryStore();
    private final MutableClock clock = new MutableClock();
    private final JobRunner instanceA = runner("host-a:1");
    private final JobRunner instanceB = runner("host-b:2");

    @AfterEach
    void close() {
        instanceA.close();
        instanceB.close();
    }

    @Test
    void aJob_recordsItsStartProgressAndEnd_inItsRowAndTheTrail() {
        Job started = instanceA.start(JobKind.REENCRYPT, ALICE);

        String result = instanceA.run(started, progress -> {
            progress.onProgress(new Progress(3, 5, 1));
            clock.advance(Duration.ofSeconds(2));
            progress.onProgress(new Progress(5, 5, 1));
            return "done";
        }, done -> new JobRunner.Ending(true, "5 moved"));

        assertThat(result).isEqualTo("done");
        JobView job = instanceB.listJobs(PageRequest.first(10)).items().get(0);
        assertThat(job.id()).isEqualTo(started.id());
        assertThat(job.kind()).isEqualTo(JobKind.REENCRYPT);
        assertThat(job.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(job.instance()).isEqualTo("host-a:1");
        assertThat(job.actor()).isEqualTo(ALICE);
        assertThat(job.progress()).isEqualTo(new Progress(5, 5, 1));
        assertThat(job.finishedAt()).contains(clock.instant());
        assertThat(own.auditTrail()).extracting(AuditEntry::action, AuditEntry::target, AuditEntry::outcome)
                .containsExactly(
                        tuple(AuditAction.REENCRYPT_START, started.id(),
                                AuditOutcome.SUCCEEDED),
                        tuple(AuditAction.REENCRYPT_FINISH, started.id(),
                                AuditOutcome.SUCCEEDED));
        assertThat(own.auditTrail().get(1).detail()).isEqualTo("5 moved");
    }

    @Test
    void aSecondJob_whileOneRunsOnAnotherInstance_isRefusedWithItsId_andTheRefusalIsAudited() {
        Job running = instanceA.start(JobKind.REENCRYPT, ALICE);
        clock.advance(JobRunner.DEAD_AFTER.minusSeconds(1));

        RekeyException refused = assertRejected(ApplicationErrorCode.JOB_RUNNING,
                () -> instanceB.start(JobKind.DOWNGRADE, BOB));

        assertThat(refused.getMessage()).contains(running.id()).contains("host-a:1").contains("reencrypt");
        AuditEntry last = own.auditTrail().get(own.auditTrail().size() - 1);
        assertThat(last.action()).isEqualTo(AuditAction.DOWNGRADE_START);
        assertThat(last.outcome()).isEqualTo(AuditOutcome.REFUSED);
        assertThat(last.actor()).isEqualTo(BOB);
        assertThat(instanceB.listJobs(PageRequest.first(10)).count()).isEqualTo(1);
    }

    @Test
    void aBatchJobOfTheSameKind_isJoined_byAnInstanceThatDoesItsPart() {
        Job running = instanceA.start(JobKind.REENCRYPT, ALICE);

        String part = instanceB.runNow(JobKind.REENCRYPT, BOB, progress -> "b's part",
                done -> new JobRunner.Ending(true, "7 moved"));

        assertThat(part).isEqualTo("b's part");
        assertThat(own.listJobs(0, 10)).singleElement().satisfies(job -> {
            assertThat(job.id()).isEqualTo(running.id());
            assertThat(job.instance()).as("the job stays the first instance's").isEqualTo("host-a:1");
        });
        List<AuditEntry> trail = own.auditTrail();
        assertThat(trail.get(trail.size() - 2).detail()).contains("joins the job running on host-a:1");
        assertThat(trail.get(trail.size() - 1).detail()).isEqualTo("this instance's part: 7 moved");
        assertThat(trail.get(trail.size() - 1).actor()).isEqualTo(BOB);
        assertRejected(ApplicationErrorCode.JOB_RUNNING, () -> instanceB.runNow(JobKind.INSTANCE_KEY_CHANGE, BOB,
                progress -> "", done -> new JobRunner.Ending(true, "")));
    }

    @Test
    void aJobWithoutHeartbeats_isShownAbandoned_andResumedByTheSameKind_underItsOwnId() {
        Job abandoned = instanceA.start(JobKind.REENCRYPT, ALICE);
        clock.advance(JobRunner.DEAD_AFTER.plusSeconds(1));

        assertThat(instanceB.listJobs(PageRequest.first(10)).items().get(0).state()).isEqualTo(JobState.ABANDONED);
        Job resumed = instanceB.start(JobKind.REENCRYPT, BOB);

        assertThat(resumed.id()).isEqualTo(abandoned.id());
        assertThat(resumed.instance()).isEqualTo("host-b:2");
        assertThat(instanceA.view(resumed).state()).isEqualTo(JobState.RUNNING);
        AuditEntry last = own.auditTrail().get(own.auditTrail().size() - 1);
        assertThat(last.detail()).contains("resumed on host-b:2").contains("host-a:1");
        assertThat(last.actor()).isEqualTo(BOB);
    }

    @Test
    void aJobWhoseProcessOnThisHostEnded_isAbandonedAtOnce() throws Exception {
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        JobRunner killed = runner("this-host:" + ended.pid());
        JobRunner rerun = runner("this-host:" + ProcessHandle.current().pid());
        try {
            Job job = killed.start(JobKind.INSTANCE_KEY_CHANGE, ALICE);

            assertThat(rerun.view(job).state()).isEqualTo(JobState.ABANDONED);
            assertThat(instanceB.view(job).state()).as("another host cannot tell").isEqualTo(JobState.RUNNING);
            assertThat(rerun.start(JobKind.INSTANCE_KEY_CHANGE, ALICE).id()).isEqualTo(job.id());
        } finally {
            killed.close();
            rerun.close();
        }
    }

    @Test
    void anAbandonedJobOfAnotherKind_isClosedAsAbandoned_andTheNewOneStarts() {
        Job abandoned = instanceA.start(JobKind.DOWNGRADE, ALICE);
        clock.advance(JobRunner.DEAD_AFTER.plusSeconds(1));

        Job started = instanceB.start(JobKind.REENCRYPT, BOB);

        assertThat(started.id()).isNotEqualTo(abandoned.id());
        Job closed = own.listJobs(0, 10).stream().filter(job -> job.id().equals(abandoned.id())).findFirst()
                .orElseThrow();
        assertThat(closed.state()).isEqualTo(JobState.ABANDONED);
        assertThat(closed.finishedAt()).isPresent();
        assertThat(closed.lastError().orElseThrow()).contains("host-a:1 stopped sending heartbeats");
    }

    @Test
    void aFailingJob_endsFailedWithItsError_andFreesTheSlot() {
        Job job = instanceA.start(JobKind.INSTANCE_KEY_CHANGE, ALICE);

        assertRejected(ErrorCode.DECRYPTION_FAILED, () -> instanceA.run(job, progress -> {
            throw new RekeyException(ErrorCode.DECRYPTION_FAILED, "2 record(s) do not decrypt");
        }, done -> new JobRunner.Ending(true, "")));

        Job stored = own.latestJob(JobKind.INSTANCE_KEY_CHANGE).orElseThrow();
        assertThat(stored.state()).isEqualTo(JobState.FAILED);
        assertThat(stored.lastError().orElseThrow()).isEqualTo("DECRYPTION_FAILED: 2 record(s) do not decrypt");
        assertThat(own.auditTrail().get(own.auditTrail().size() - 1).outcome()).isEqualTo(AuditOutcome.FAILED);
        assertThat(instanceB.start(JobKind.REENCRYPT, BOB).state()).isEqualTo(JobState.RUNNING);
    }

    @Test
    void anInstanceWhoseJobWasTakenOver_stopsWritingIt() {
        Job first = instanceA.start(JobKind.REENCRYPT, ALICE);
        clock.advance(JobRunner.DEAD_AFTER.plusSeconds(1));
        Job resumed = instanceB.start(JobKind.REENCRYPT, BOB);

        instanceA.run(first, progress -> "late", done -> new JobRunner.Ending(true, "0 moved"));

        Job stored = own.latestJob(JobKind.REENCRYPT).orElseThrow();
        assertThat(stored.instance()).isEqualTo("host-b:2");
        assertThat(stored.state()).as("the stale instance's end was not saved").isEqualTo(JobState.RUNNING);
        assertThat(stored.version()).isEqualTo(resumed.version());
    }

    private JobRunner runner(String instance) {
        AuditTrail trail = new AuditTrail(own, own, clock, instance);
        return new JobRunner(own, own, trail, clock, Fixtures.RANDOM, instance);
    }
}
