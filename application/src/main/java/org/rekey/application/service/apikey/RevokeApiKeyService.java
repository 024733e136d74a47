package org.rekey.application.service.apikey;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import org.rekey.application.error.ApplicationErrorCode;
import org.rekey.application.port.in.apikey.RevokeApiKeyUseCase;
import org.rekey.application.port.out.ApiKeyStorePort;
import org.rekey.domain.error.RekeyException;

/** Revokes an API key; authentication reads the store on every request, so it takes effect at once. */
public final class RevokeApiKeyService implements RevokeApiKeyUseCase {

    private final ApiKeyStorePort store;
    private final Clock clock;

    public RevokeApiKeyService(ApiKeyStorePort store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public void revokeApiKey(String id) {
        if (id == null || !store.revokeApiKey(id, clock.instant().truncatedTo(ChronoUnit.MILLIS))) {
            throw new RekeyException(ApplicationErrorCode.API_KEY_NOT_FOUND, "no API key with id " + id);
        }
    }
}
