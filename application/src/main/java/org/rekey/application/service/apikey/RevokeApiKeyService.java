package org.rekey.application.service.apikey;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import org.rekey.application.error.ApplicationErrorCode;
import org.rekey.application.port.in.apikey.RevokeApiKeyUseCase;
import org.rekey.application.port.out.ApiKeyStorePort;
import org.rekey.domain.error.RekeyException;

/**
 * Revokes an API key: at once on this instance, and on every other within the verified-token cache's time to
 * live (under one second).
 */
public final class RevokeApiKeyService implements RevokeApiKeyUseCase {

    private final ApiKeyStorePort store;
    private final Clock clock;
    private final VerifiedKeyCache cache;

    public RevokeApiKeyService(ApiKeyStorePort store, Clock clock, VerifiedKeyCache cache) {
        this.store = store;
        this.clock = clock;
        this.cache = cache;
    }

    @Override
    public void revokeApiKey(String id) {
        if (id == null || !store.revokeApiKey(id, clock.instant().truncatedTo(ChronoUnit.MILLIS))) {
            throw new RekeyException(ApplicationErrorCode.API_KEY_NOT_FOUND, "no API key with id " + id);
        }
        cache.invalidate(id);
    }
}
