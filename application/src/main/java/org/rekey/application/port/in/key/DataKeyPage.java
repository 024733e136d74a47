package org.rekey.application.port.in.key;

import java.util.List;

/**
 * One page of keys.
 *
 * @param count how many keys match the filter, over all pages
 * @param legacyRecordCount how many records are still in the legacy format (no key id)
 */
public record DataKeyPage(long count, List<DataKeyView> items, long legacyRecordCount) {
    public DataKeyPage {
        items = List.copyOf(items);
    }
}
