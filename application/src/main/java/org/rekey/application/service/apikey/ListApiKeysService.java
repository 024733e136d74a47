package org.rekey.application.service.apikey;

import java.util.Comparator;
import java.util.List;
import org.rekey.application.port.in.apikey.ApiKeyView;
import org.rekey.application.port.in.apikey.ListApiKeysUseCase;
import org.rekey.application.port.out.ApiKeyStorePort;

/** Lists API keys, oldest first. */
public final class ListApiKeysService implements ListApiKeysUseCase {

    private final ApiKeyStorePort store;

    public ListApiKeysService(ApiKeyStorePort store) {
        this.store = store;
    }

    @Override
    public List<ApiKeyView> listApiKeys() {
        return store.listApiKeys().stream()
                .map(ApiKeyView::of)
                .sorted(Comparator.comparing(ApiKeyView::createdAt).thenComparing(ApiKeyView::id))
                .toList();
    }
}
