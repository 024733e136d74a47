package org.rekey.application.service.apikey;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.rekey.application.apikey.ApiKey;
import org.rekey.application.port.in.apikey.ApiKeyView;
import org.rekey.application.port.in.apikey.CreateApiKeyCommand;
import org.rekey.application.port.in.apikey.CreateApiKeyUseCase;
import org.rekey.application.port.in.apikey.CreatedApiKey;
import org.rekey.application.port.out.ApiKeyStorePort;
import org.rekey.domain.key.RandomIds;

/** Creates an API token, stores its hash, and returns the token this one time. */
public final class CreateApiKeyService implements CreateApiKeyUseCase {

    private final ApiKeyStorePort store;
    private final Clock clock;
    private final SecureRandom random;

    public CreateApiKeyService(ApiKeyStorePort store, Clock clock, SecureRandom random) {
        this.store = store;
        this.clock = clock;
        this.random = random;
    }

    @Override
    public CreatedApiKey createApiKey(CreateApiKeyCommand command) {
        String id = RandomIds.next(random);
        String secret = ApiTokens.newSecret(random);
        ApiKey key = new ApiKey(id, command.label(), command.scopes(), ApiTokens.hash(secret),
                clock.instant().truncatedTo(ChronoUnit.MILLIS), Optional.empty());
        store.insertApiKey(key);
        return new CreatedApiKey(ApiKeyView.of(key), ApiTokens.token(id, secret));
    }
}
