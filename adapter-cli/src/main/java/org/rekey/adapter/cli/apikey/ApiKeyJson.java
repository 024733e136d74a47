package org.rekey.adapter.cli.apikey;

import java.time.Instant;
import java.util.List;
import org.rekey.application.apikey.Scope;
import org.rekey.application.port.in.apikey.ApiKeyView;

/** An API key in {@code api-keys list --json}: never the token. revokedAt is null while it works. */
record ApiKeyJson(String id, String label, List<String> scopes, Instant createdAt, Instant revokedAt) {

    static ApiKeyJson of(ApiKeyView key) {
        return new ApiKeyJson(key.id(), key.label(), scopeNames(key), key.createdAt(), key.revokedAt().orElse(null));
    }

    /** Scope wire names in a stable order. */
    static List<String> scopeNames(ApiKeyView key) {
        return key.scopes().stream().sorted().map(Scope::wireName).toList();
    }
}
