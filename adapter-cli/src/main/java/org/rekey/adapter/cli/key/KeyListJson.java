package org.rekey.adapter.cli.key;

import java.util.List;
import org.rekey.application.port.in.key.DataKeyPage;

/** {@code keys list --json}: the HTTP API's {@code {count, items}} plus the number of legacy-format records. */
record KeyListJson(long count, List<KeyJson> items, long legacyRecordCount) {

    static KeyListJson of(DataKeyPage page) {
        return new KeyListJson(page.count(), page.items().stream().map(KeyJson::of).toList(),
                page.legacyRecordCount());
    }
}
