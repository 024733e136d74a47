package org.rekey.adapter.http;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rekey.application.error.ApplicationErrorCode;
import org.rekey.application.port.in.maintenance.BatchCommand;
import org.rekey.application.port.in.maintenance.BatchReport;
import org.rekey.application.port.in.maintenance.Progress;
import org.rekey.application.port.in.maintenance.ProgressListener;
import org.rekey.application.port.in.maintenance.RecordFailure;
import org.rekey.application.port.in.maintenance.ReencryptionJob;
import org.rekey.application.port.in.maintenance.ReencryptionJobUseCase;
import org.rekey.application.port.in.maintenance.VerifyRecordsUseCase;
import org.rekey.application.port.in.maintenance.VerifyReport;
import org.rekey.domain.error.ErrorCode;
import org.rekey.domain.error.RekeyException;
import org.rekey.domain.key.DataKeyId;
import org.rekey.domain.key.KeyRef;

/** A background re-encryption that moves only when the browser test says, and a verify with a set answer. */
final class InMemoryMaintenance implements ReencryptionJobUseCase, VerifyRecordsUseCase {

    static final long TOTAL = 4;

    private ReencryptionJob job = ReencryptionJob.idle();
    private int starts;
    private int verifications;
    private VerifyReport report = new VerifyReport(0, Map.of(), 0, KeyRef.LEGACY, List.of());

    @Override
    public synchronized ReencryptionJob startReencryption(BatchCommand command) {
        if (job.state().equals("running")) {
            throw new RekeyException(ApplicationErrorCode.JOB_RUNNING, "a re-encryption is running already");
        }
        starts++;
        job = running(0);
        return job;
    }

    @Override
    public synchronized ReencryptionJob reencryptionJob() {
        return job;
    }

    /** The running job has done {@code done} records. */
    synchronized void advance(long done) {
        job = running(done);
    }

    /** The job ends, every record moved. */
    synchronized void finish() {
        job = new ReencryptionJob("succeeded", job.startedAt(), Optional.of(Instant.now()),
                new Progress(TOTAL, TOTAL, 0), Optional.of(new BatchReport(KeyRef.of(new DataKeyId(InMemoryKeys.ACTIVE_ID)),
                        false, Map.of(), TOTAL, 0, List.of(), List.of())), Optional.empty());
    }

    synchronized int starts() {
        return starts;
    }

    @Override
    public synchronized VerifyReport verifyRecords(ProgressListener listener) {
        verifications++;
        return report;
    }

    synchronized void verifyAnswers(VerifyReport next) {
        report = next;
    }

    synchronized int verifications() {
        return verifications;
    }

    static RecordFailure failure(String recordId, String message) {
        return new RecordFailure("credentials_entity", recordId, "data", ErrorCode.DECRYPTION_FAILED.name(), message);
    }

    private ReencryptionJob running(long done) {
        return new ReencryptionJob("running", Optional.of(Instant.parse("2024-06-02T10:00:00Z")), Optional.empty(),
                new Progress(done, TOTAL, 0), Optional.empty(), Optional.empty());
    }
}
