package org.rekey.application.port.in.apikey;

import java.util.List;

/** Lists API keys: labels, scopes, dates. */
public interface ListApiKeysUseCase {
    List<ApiKeyView> listApiKeys();
}
