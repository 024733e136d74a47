package org.rekey.application.service.key;

import java.util.Map;
import org.rekey.application.port.in.key.DataKeyView;
import org.rekey.application.port.out.LoadSecretsPort;
import org.rekey.domain.key.DataKey;
import org.rekey.domain.key.KeyRef;

/** How many stored secrets each key is used by, counted once per request. */
final class KeyRecordCounts {

    private final Map<KeyRef, Long> counts;

    private KeyRecordCounts(Map<KeyRef, Long> counts) {
        this.counts = counts;
    }

    static KeyRecordCounts load(LoadSecretsPort secrets) {
        return new KeyRecordCounts(secrets.countSecretsByKey());
    }

    DataKeyView view(DataKey key) {
        return DataKeyView.of(key, counts.getOrDefault(KeyRef.of(key.id()), 0L));
    }

    long legacy() {
        return counts.getOrDefault(KeyRef.LEGACY, 0L);
    }
}
