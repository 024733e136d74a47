package org.rekey.application.port.in.apikey;

import org.rekey.application.audit.Actor;

/** Creates an API token; only its hash is stored. */
public interface CreateApiKeyUseCase {
    CreatedApiKey createApiKey(CreateApiKeyCommand command, Actor actor);
}
