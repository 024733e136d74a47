package org.rekey.application.port.in.apikey;

import org.rekey.application.audit.Actor;

/** Revokes an API key; it stops working at once. */
public interface RevokeApiKeyUseCase {
    /** @throws org.rekey.domain.error.RekeyException {@code API_KEY_NOT_FOUND} */
    void revokeApiKey(String id, Actor actor);
}
