package org.rekey.application.port.in;

import org.rekey.application.port.in.apikey.AuthenticateUseCase;
import org.rekey.application.port.in.apikey.CreateApiKeyUseCase;
import org.rekey.application.port.in.apikey.ListApiKeysUseCase;
import org.rekey.application.port.in.apikey.RevokeApiKeyUseCase;
import org.rekey.application.port.in.credential.CreateCredentialUseCase;
import org.rekey.application.port.in.credential.DeleteCredentialUseCase;
import org.rekey.application.port.in.credential.ExportCredentialsUseCase;
import org.rekey.application.port.in.credential.GetCredentialUseCase;
import org.rekey.application.port.in.credential.ImportCredentialsUseCase;
import org.rekey.application.port.in.credential.ListCredentialsUseCase;
import org.rekey.application.port.in.credential.UpdateCredentialUseCase;
import org.rekey.application.port.in.key.DestroyDataKeyUseCase;
import org.rekey.application.port.in.key.ImportDataKeyUseCase;
import org.rekey.application.port.in.key.ListDataKeysUseCase;
import org.rekey.application.port.in.key.RotateDataKeyUseCase;
import org.rekey.application.port.in.key.ShowDataKeyUseCase;
import org.rekey.application.port.in.maintenance.ChangeInstanceKeyUseCase;
import org.rekey.application.port.in.maintenance.DowngradeToLegacyUseCase;
import org.rekey.application.port.in.maintenance.ReencryptUseCase;
import org.rekey.application.port.in.maintenance.ReencryptionJobUseCase;
import org.rekey.application.port.in.maintenance.VerifyRecordsUseCase;
import org.rekey.application.port.in.settings.CheckHealthUseCase;
import org.rekey.application.port.in.settings.GetModuleSettingsUseCase;
import org.rekey.application.port.in.value.DecryptValueUseCase;
import org.rekey.application.port.in.value.EncryptValueUseCase;
import org.rekey.application.port.in.value.InspectValueUseCase;

/** Every in-port, as the adapters receive them from {@code bootstrap}. Adapters see these, never services. */
public record RekeyUseCases(
        RotateDataKeyUseCase rotateDataKey,
        ListDataKeysUseCase listDataKeys,
        ShowDataKeyUseCase showDataKey,
        ImportDataKeyUseCase importDataKey,
        DestroyDataKeyUseCase destroyDataKey,
        CreateCredentialUseCase createCredential,
        GetCredentialUseCase getCredential,
        ListCredentialsUseCase listCredentials,
        UpdateCredentialUseCase updateCredential,
        DeleteCredentialUseCase deleteCredential,
        ImportCredentialsUseCase importCredentials,
        ExportCredentialsUseCase exportCredentials,
        EncryptValueUseCase encryptValue,
        DecryptValueUseCase decryptValue,
        InspectValueUseCase inspectValue,
        GetModuleSettingsUseCase moduleSettings,
        CheckHealthUseCase checkHealth,
        CreateApiKeyUseCase createApiKey,
        ListApiKeysUseCase listApiKeys,
        RevokeApiKeyUseCase revokeApiKey,
        AuthenticateUseCase authenticate,
        ReencryptUseCase reencrypt,
        ReencryptionJobUseCase reencryptionJob,
        VerifyRecordsUseCase verifyRecords,
        DowngradeToLegacyUseCase downgradeToLegacy,
        ChangeInstanceKeyUseCase changeInstanceKey) {
}
