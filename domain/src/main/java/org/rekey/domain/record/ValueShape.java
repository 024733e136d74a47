package org.rekey.domain.record;

import org.rekey.domain.key.StoredValue;

/**
 * What a stored value looks like, read without decrypting it: legacy (no key id), naming a data key, or
 * malformed (empty, a bad key id, more than one {@code :}), which no key can read.
 */
public enum ValueShape {
    LEGACY("legacy"),
    DATA_KEY("data-key"),
    MALFORMED("malformed");

    private final String wireName;

    ValueShape(String wireName) {
        this.wireName = wireName;
    }

    /** The shape of {@code value}; never throws. */
    public static ValueShape of(String value) {
        return StoredValue.tryParse(value).map(parsed -> parsed.isLegacy() ? LEGACY : DATA_KEY).orElse(MALFORMED);
    }

    public String wireName() {
        return wireName;
    }
}
