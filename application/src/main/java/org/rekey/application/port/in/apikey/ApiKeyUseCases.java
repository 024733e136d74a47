package org.rekey.application.port.in.apikey;

/** The API key use cases: create, list, revoke, and authenticate a token. */
public record ApiKeyUseCases(
        CreateApiKeyUseCase createApiKey,
        ListApiKeysUseCase listApiKeys,
        RevokeApiKeyUseCase revokeApiKey,
        AuthenticateUseCase authenticate) {
}
