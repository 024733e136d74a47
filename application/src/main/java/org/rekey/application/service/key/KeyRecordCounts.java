package org.rekey.application.service.key;

import java.util.Map;
import java.util.Optional;
import org.rekey.application.port.in.key.DataKeyView;
import org.rekey.application.port.out.LoadRecordsPort;
import org.rekey.domain.key.DataKey;
import org.rekey.domain.key.DataKeyId;

/** How many records each key is used by, counted once per request. */
final class KeyRecordCounts {

    private final Map<Optional<DataKeyId>, Long> counts;

    private KeyRecordCounts(Map<Optional<DataKeyId>, Long> counts) {
        this.counts = counts;
    }

    static KeyRecordCounts load(LoadRecordsPort records) {
        return new KeyRecordCounts(records.countRecordsByKey());
    }

    DataKeyView view(DataKey key) {
        return DataKeyView.of(key, counts.getOrDefault(Optional.of(key.id()), 0L));
    }

    long legacy() {
        return counts.getOrDefault(Optional.<DataKeyId>empty(), 0L);
    }
}
