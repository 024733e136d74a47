package org.rekey.application.port.in.apikey;

/** Creates an API token; only its hash is stored. */
public interface CreateApiKeyUseCase {
    CreatedApiKey createApiKey(CreateApiKeyCommand command);
}
