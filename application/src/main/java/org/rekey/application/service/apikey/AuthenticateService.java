package org.rekey.application.service.apikey;

import java.util.Optional;
import org.rekey.application.apikey.ApiKey;
import org.rekey.application.port.in.apikey.AuthenticateUseCase;
import org.rekey.application.port.in.apikey.Principal;
import org.rekey.application.port.out.ApiKeyStorePort;
import org.rekey.application.service.audit.AuditTrail;

/**
 * Checks a token against the stored hash in constant time; unknown, malformed and revoked tokens fail alike.
 * The stored key is read through a {@link VerifiedKeyCache}, so a revocation made elsewhere takes effect
 * within the cache's time to live.
 */
public final class AuthenticateService implements AuthenticateUseCase {

    private static final String NO_HASH = ApiTokens.hash("");

    private final ApiKeyStorePort store;
    private final VerifiedKeyCache cache;
    private final AuditTrail audit;

    public AuthenticateService(ApiKeyStorePort store, VerifiedKeyCache cache, AuditTrail audit) {
        this.store = store;
        this.cache = cache;
        this.audit = audit;
    }

    @Override
    public Optional<Principal> authenticate(String token) {
        Optional<ApiTokens.Parsed> parsed = ApiTokens.parse(token);
        if (parsed.isEmpty()) {
            audit.authenticationRefused();
            return Optional.empty();
        }
        Optional<ApiKey> key = load(parsed.get().id());
        boolean matches = ApiTokens.matches(parsed.get().secret(), key.map(ApiKey::secretHash).orElse(NO_HASH));
        if (key.isEmpty() || !matches || key.get().isRevoked()) {
            audit.authenticationRefused();
            return Optional.empty();
        }
        return Optional.of(new Principal(key.get().id(), key.get().label(), key.get().scopes()));
    }

    private Optional<ApiKey> load(String id) {
        Optional<ApiKey> cached = cache.fresh(id);
        if (cached.isPresent()) {
            return cached;
        }
        VerifiedKeyCache.Ticket ticket = cache.ticket();
        Optional<ApiKey> stored = store.loadApiKey(id);
        stored.filter(key -> !key.isRevoked()).ifPresent(key -> cache.keep(key, ticket));
        return stored;
    }
}
