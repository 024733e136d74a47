package org.rekey.application.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.rekey.application.apikey.ApiKey;

/** Stores API keys (the token's hash only, never the token). */
public interface ApiKeyStorePort {

    void insertApiKey(ApiKey key);

    Optional<ApiKey> loadApiKey(String id);

    List<ApiKey> listApiKeys();

    /** @return false if no such key */
    boolean revokeApiKey(String id, Instant at);
}
