package org.rekey.domain.key;

import java.util.Objects;
import java.util.Optional;

/**
 * The key a stored value names: a data key ({@code <keyId>:<ciphertext>}), or none, for a legacy value
 * encrypted directly under the instance key. Formatted only at the edges: {@link #wireName()}.
 */
public record KeyRef(Optional<DataKeyId> dataKey) {

    /** What a legacy value names: no data key, the instance key itself. */
    public static final KeyRef LEGACY = new KeyRef(Optional.empty());

    /** How {@link #LEGACY} is written in reports and JSON. */
    public static final String LEGACY_NAME = "legacy";

    public KeyRef {
        Objects.requireNonNull(dataKey, "dataKey");
    }

    public static KeyRef of(DataKeyId id) {
        return new KeyRef(Optional.of(id));
    }

    public boolean isLegacy() {
        return dataKey.isEmpty();
    }

    /** The key id, or {@value #LEGACY_NAME}. */
    public String wireName() {
        return dataKey.map(DataKeyId::value).orElse(LEGACY_NAME);
    }

    @Override
    public String toString() {
        return wireName();
    }
}
