package org.rekey.application.port.in.maintenance;

/** The maintenance use cases: re-encrypt (now or in the background), verify, downgrade, change the instance key. */
public record MaintenanceUseCases(
        ReencryptUseCase reencrypt,
        ReencryptionJobUseCase reencryptionJob,
        VerifyRecordsUseCase verifyRecords,
        DowngradeToLegacyUseCase downgradeToLegacy,
        ChangeInstanceKeyUseCase changeInstanceKey) {
}
