package org.rekey.application.port.in.credential;

/** The credential use cases: create, read, list, update, delete, import and export. */
public record CredentialUseCases(
        CreateCredentialUseCase createCredential,
        GetCredentialUseCase getCredential,
        ListCredentialsUseCase listCredentials,
        UpdateCredentialUseCase updateCredential,
        DeleteCredentialUseCase deleteCredential,
        ImportCredentialsUseCase importCredentials,
        ExportCredentialsUseCase exportCredentials) {
}
