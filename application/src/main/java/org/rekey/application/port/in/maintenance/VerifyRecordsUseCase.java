package org.rekey.application.port.in.maintenance;

/** Decrypts every record and counts records per key; reports each failure. */
public interface VerifyRecordsUseCase {
    VerifyReport verifyRecords(ProgressListener listener);
}
