package org.rekey.application.port.in.maintenance;

/**
 * The maintenance use cases: re-encrypt (now or in the background), list the fleet's jobs, verify, downgrade,
 * change the instance key.
 */
public record MaintenanceUseCases(
        ReencryptUseCase reencrypt,
        ReencryptionJobUseCase reencryptionJob,
        ListJobsUseCase listJobs,
        VerifyRecordsUseCase verifyRecords,
        DowngradeToLegacyUseCase downgradeToLegacy,
        ChangeInstanceKeyUseCase changeInstanceKey) {
}
