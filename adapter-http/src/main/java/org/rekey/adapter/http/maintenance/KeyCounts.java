package org.rekey.adapter.http.maintenance;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.rekey.application.port.in.maintenance.VerifyReport;
import org.rekey.domain.key.KeyRef;
import org.rekey.domain.record.ValueShape;

/** Counts per key as responses carry them: by key id, "legacy" and "malformed" sorted as any other id. */
final class KeyCounts {

    private KeyCounts() {
    }

    static SortedMap<String, Long> byName(Map<KeyRef, Long> counts) {
        SortedMap<String, Long> byName = new TreeMap<>();
        counts.forEach((key, count) -> byName.put(key.wireName(), count));
        return byName;
    }

    /** A verify report's counts, with the values that name no key under "malformed". */
    static SortedMap<String, Long> byName(VerifyReport report) {
        SortedMap<String, Long> byName = byName(report.recordsByKey());
        if (report.malformed() > 0) {
            byName.put(ValueShape.MALFORMED.wireName(), report.malformed());
        }
        return byName;
    }
}
