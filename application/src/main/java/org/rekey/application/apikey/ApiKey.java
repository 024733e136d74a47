package org.rekey.application.apikey;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.rekey.domain.error.RekeyException;

/**
 * An API token's stored form: id, label, scopes, dates and the SHA-256 of its secret part (the
 * secret itself is shown once at creation and never stored). {@code toString} omits the hash.
 */
public record ApiKey(String id, String label, Set<Scope> scopes, String secretHash, Instant createdAt,
        Optional<Instant> revokedAt) {

    public static final int MAX_LABEL_LENGTH = 100;

    public ApiKey {
        if (label == null || label.isBlank() || label.length() > MAX_LABEL_LENGTH) {
            throw RekeyException.invalid("an API key label is 1 to " + MAX_LABEL_LENGTH + " characters");
        }
        if (scopes == null || scopes.isEmpty()) {
            throw RekeyException.invalid("an API key needs at least one scope");
        }
        scopes = Set.copyOf(scopes);
    }

    public boolean isRevoked() {
        return revokedAt.isPresent();
    }

    @Override
    public String toString() {
        return "ApiKey[id=" + id + ", label=" + label + ", scopes=" + scopes + "]";
    }
}
