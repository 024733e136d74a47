package org.rekey.application.service.apikey;

import java.util.Optional;
import org.rekey.application.apikey.ApiKey;
import org.rekey.application.port.in.apikey.AuthenticateUseCase;
import org.rekey.application.port.in.apikey.Principal;
import org.rekey.application.port.out.ApiKeyStorePort;

/** Checks a token against the stored hash in constant time; unknown, malformed and revoked tokens fail alike. */
public final class AuthenticateService implements AuthenticateUseCase {

    private static final String NO_HASH = ApiTokens.hash("");

    private final ApiKeyStorePort store;

    public AuthenticateService(ApiKeyStorePort store) {
        this.store = store;
    }

    @Override
    public Optional<Principal> authenticate(String token) {
        Optional<ApiTokens.Parsed> parsed = ApiTokens.parse(token);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        Optional<ApiKey> key = store.loadApiKey(parsed.get().id());
        boolean matches = ApiTokens.matches(parsed.get().secret(), key.map(ApiKey::secretHash).orElse(NO_HASH));
        if (key.isEmpty() || !matches || key.get().isRevoked()) {
            return Optional.empty();
        }
        return Optional.of(new Principal(key.get().id(), key.get().scopes()));
    }
}
