package org.rekey.adapter.http.key;

import java.util.List;
import org.rekey.application.port.in.key.DataKeyPage;

/** A page of keys: n8n's {@code {count, items}} plus the number of records still in the legacy format. */
public record KeyPageResponse(long count, List<KeyResponse> items, long legacyRecordCount) {

    public static KeyPageResponse of(DataKeyPage page) {
        return new KeyPageResponse(page.count(), page.items().stream().map(KeyResponse::of).toList(),
                page.legacyRecordCount());
    }
}
