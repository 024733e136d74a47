package org.rekey.application.port.in.apikey;

/** Revokes an API key; it stops working at once. */
public interface RevokeApiKeyUseCase {
    /** @throws org.rekey.domain.error.RekeyException {@code API_KEY_NOT_FOUND} */
    void revokeApiKey(String id);
}
