package org.rekey.adapter.cli.apikey;

import java.time.Instant;
import java.util.List;
import org.rekey.application.port.in.apikey.CreatedApiKey;

/** {@code api-keys create --json}: the new key with its token, shown this once. */
record CreatedApiKeyJson(String id, String label, List<String> scopes, String token, Instant createdAt) {

    static CreatedApiKeyJson of(CreatedApiKey created) {
        return new CreatedApiKeyJson(created.key().id(), created.key().label(), ApiKeyJson.scopeNames(created.key()),
                created.token(), created.key().createdAt());
    }

    @Override
    public String toString() {
        return "CreatedApiKeyJson[id=" + id + "]";
    }
}
