package org.rekey.application.port.in.apikey;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.rekey.application.apikey.ApiKey;
import org.rekey.application.apikey.Scope;

/** An API key as listed: never the token or its hash. */
public record ApiKeyView(String id, String label, Set<Scope> scopes, Instant createdAt, Optional<Instant> revokedAt) {

    public static ApiKeyView of(ApiKey key) {
        return new ApiKeyView(key.id(), key.label(), key.scopes(), key.createdAt(), key.revokedAt());
    }
}
