package org.rekey.application.service.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
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
import org.rekey.application.testing.TestServices;
import org.rekey.application.port.in.credential.CreateCredentialCommand;
import org.rekey.application.port.in.maintenance.BatchCommand;
import org.rekey.application.port.in.maintenance.ReencryptionJob;
import org.rekey.application.testing.Fixtures;
import org.rekey.application.testing.InMemoryStore;
import org.rekey.domain.error.RekeyException;

/** The background re-encryption job: one at a time, with its state and outcome. */
class ReencryptionJobTest {

    private static final long WAIT_SECONDS = 30;

    private final InMemoryStore store = new InMemoryStore();
    private final TestServices rekey = TestServices.builder().store(store).build();
    private final CountDownLatch claiming = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void threeRecordsOnAnOldKey() {
        for (int i = 0; i < 3; i++) {
            rekey.credentials().createCredential().createCredential(new CreateCredentialCommand("c" + i, "t", Fixtures.JSON));
        }
        rekey.keys().rotateDataKey().rotateDataKey();
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

        ReencryptionJob started = rekey.maintenance().reencryptionJob().startReencryption(new BatchCommand(2, false));

        assertThat(started.state()).isEqualTo("running");
        assertThat(started.startedAt()).contains(rekey.clock().instant());
        assertThat(claiming.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(rekey.maintenance().reencryptionJob().reencryptionJob().state()).isEqualTo("running");
        assertRejected(ApplicationErrorCode.JOB_RUNNING,
                () -> rekey.maintenance().reencryptionJob().startReencryption(Fixtures.defaultBatch()));

        release.countDown();
        ReencryptionJob finished = awaitFinished();

        assertThat(finished.state()).isEqualTo("succeeded");
        assertThat(finished.finishedAt()).isPresent();
        assertThat(finished.report().orElseThrow().moved()).isEqualTo(3);
        assertThat(finished.progress().done()).isEqualTo(3);
        assertThat(finished.error()).isEmpty();
    }

    @Test
    void job_afterFinishing_canBeStartedAgain() throws Exception {
        rekey.maintenance().reencryptionJob().startReencryption(Fixtures.defaultBatch());
        awaitFinished();

        ReencryptionJob again = rekey.maintenance().reencryptionJob().startReencryption(Fixtures.defaultBatch());

        assertThat(again.state()).isEqualTo("running");
        assertThat(awaitFinished().report().orElseThrow().moved()).isZero();
    }

    @Test
    void job_whoseStoreFails_endsFailedWithTheErrorMessage() throws Exception {
        store.onUpdate(record -> {
            throw new RekeyException(ApplicationErrorCode.STORAGE_FAILURE, "the database went away");
        });

        rekey.maintenance().reencryptionJob().startReencryption(Fixtures.defaultBatch());
        ReencryptionJob finished = awaitFinished();

        assertThat(finished.state()).isEqualTo("failed");
        assertThat(finished.error()).contains("the database went away");
        assertThat(finished.report()).isEmpty();
    }

    @Test
    void job_withRecordsThatFail_endsFailedWithAReportListingThem() throws Exception {
        String oldKey = store.loadRecordsAfter(Optional.empty(), 1).get(0).keyId().orElseThrow().value();
        store.insertRecord(Fixtures.raw("zz", oldKey + ":" + "AQ" + "A".repeat(98)));

        rekey.maintenance().reencryptionJob().startReencryption(Fixtures.defaultBatch());
        ReencryptionJob finished = awaitFinished();

        assertThat(finished.state()).isEqualTo("failed");
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
        while (job.state().equals("running") && Instant.now().isBefore(deadline)) {
            Thread.sleep(10);
            job = rekey.maintenance().reencryptionJob().reencryptionJob();
        }
        assertThat(job.state()).as("the job finished within %s s", WAIT_SECONDS).isNotEqualTo("running");
        return job;
    }
}
