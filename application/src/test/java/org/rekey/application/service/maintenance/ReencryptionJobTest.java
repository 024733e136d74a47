package org.rekey.application.service.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rekey.application.testing.Fixtures.OPERATOR;
import static org.rekey.domain.error.RekeyAssertions.assertRejected;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rekey.application.error.ApplicationErrorCode;
import org.rekey.application.job.JobState;
import org.rekey.application.port.in.credential.CreateCredentialCommand;
import org.rekey.application.port.in.maintenance.BatchCommand;
import org.rekey.application.port.in.maintenance.JobView;
import org.rekey.application.port.in.maintenance.ReencryptionJob;
import org.rekey.application.testing.Fixtures;
import org.rekey.application.testing.InMemoryStore;
import org.rekey.application.testing.TestServices;
import org.rekey.domain.error.RekeyException;

/** The background re-encryption job: one at a time, with its state and outcome. */
class ReencryptionJobTest {

    private static final long WAIT_SECONDS = 30;

    private final InMemoryStore store = new InMemoryStore();
    /** Jobs in a database of their own: the fake serialises every transaction of one store. */
    private final InMemoryStore own = new InMemoryStore();
    private final TestServices rekey = TestServices.builder().store(store).own(own).build();
    private final CountDownLatch claiming = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void threeRecordsOnAnOldKey() {
        for (int i = 0; i < 3; i++) {
            rekey.credentials().createCredential().createCredential(new CreateCredentialCommand("c" + i, "t", Fixtures.JSON));
        }
        rekey.keys().rotateDataKey().rotateDataKey(OPERATOR);
    }

    @AfterEach
    void close() {
        release.countDown();
        rekey.close();
    }

    @Test
    void job_isIdleUntilStarted() {
        assertThat(rekey.maintenance().reencryptionJob().reencryptionJob()).isEqualTo(ReencryptionJob.idle());
    }

    @Test
    void job_startsRunning_refusesASecondStart_andEndsSucceededWithItsReport() throws Exception {
        holdTheFirstClaim();

        JobView started = rekey.maintenance().reencryptionJob().startReencryption(new BatchCommand(2, false), OPERATOR)
                .job().orElseThrow();

        assertThat(started.state()).isEqualTo(JobState.RUNNING);
        assertThat(started.startedAt()).isEqualTo(rekey.clock().instant());
        assertThat(started.actor()).isEqualTo(OPERATOR);
        assertThat(claiming.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(state(rekey.maintenance().reencryptionJob().reencryptionJob())).contains(JobState.RUNNING);
        assertThat(rekey.maintenance().reencryptionJob().startReencryption(Fixtures.defaultBatch(), OPERATOR)
                .job().orElseThrow().id()).as("a second start follows the running job").isEqualTo(started.id());
        assertRejected(ApplicationErrorCode.JOB_RUNNING, () -> rekey.maintenance().downgradeToLegacy()
                .downgradeToLegacy(Fixtures.defaultBatch(), progress -> { }, OPERATOR));

        release.countDown();
        ReencryptionJob finished = awaitFinished();

        JobView job = finished.job().orElseThrow();
        assertThat(job.id()).isEqualTo(started.id());
        assertThat(job.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(job.finishedAt()).isPresent();
        assertThat(finished.report().orElseThrow().moved()).isEqualTo(3);
        assertThat(job.progress().done()).isEqualTo(3);
        assertThat(job.lastError()).isEmpty();
    }

    @Test
    void job_afterFinishing_canBeStartedAgain() throws Exception {
        rekey.maintenance().reencryptionJob().startReencryption(Fixtures.defaultBatch(), OPERATOR);
        awaitFinished();

        ReencryptionJob again = rekey.maintenance().reencryptionJob().startReencryption(Fixtures.defaultBatch(), OPERATOR);

        assertThat(state(again)).contains(JobState.RUNNING);
        assertThat(awaitFinished().report().orElseThrow().moved()).isZero();
    }

    @Test
    void job_whoseStoreFails_endsFailedWithTheErrorMessage() throws Exception {
        store.onUpdate(record -> {
            throw new RekeyException(ApplicationErrorCode.STORAGE_FAILURE, "the database went away");
        });

        rekey.maintenance().reencryptionJob().startReencryption(Fixtures.defaultBatch(), OPERATOR);
        ReencryptionJob finished = awaitFinished();

        assertThat(state(finished)).contains(JobState.FAILED);
        assertThat(finished.job().orElseThrow().lastError().orElseThrow()).contains("the database went away");
        assertThat(finished.report()).isEmpty();
    }

    @Test
    void job_withRecordsThatFail_endsFailedWithAReportListingThem() throws Exception {
        String oldKey = store.loadRecordsAfter(Optional.empty(), 1).get(0).keyId().orElseThrow().value();
        store.insertRecord(Fixtures.raw("zz", oldKey + ":" + "AQ" + "A".repeat(98)));

        rekey.maintenance().reencryptionJob().startReencryption(Fixtures.defaultBatch(), OPERATOR);
        ReencryptionJob finished = awaitFinished();

        assertThat(state(finished)).contains(JobState.FAILED);
        assertThat(finished.report().orElseThrow().failures()).singleElement()
                .satisfies(f -> assertThat(f.recordId()).isEqualTo("zz"));
    }

    private void holdTheFirstClaim() {
        store.onClaim(claimed -> {
            if (claiming.getCount() > 0) {
                claiming.countDown();
                try {
                    release.await(WAIT_SECONDS, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
    }

    /** Polls the job's state (it runs on its own thread) until it leaves "running", within a bound. */
    private ReencryptionJob awaitFinished() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(WAIT_SECONDS));
        ReencryptionJob job = rekey.maintenance().reencryptionJob().reencryptionJob();
        while (state(job).orElse(null) == JobState.RUNNING && Instant.now().isBefore(deadline)) {
            Thread.sleep(10);
            job = rekey.maintenance().reencryptionJob().reencryptionJob();
        }
        assertThat(state(job)).as("the job finished within %s s", WAIT_SECONDS).isNotEqualTo(Optional.of(JobState.RUNNING));
        return job;
    }

    private static Optional<JobState> state(ReencryptionJob job) {
        return job.job().map(JobView::state);
    }
}
