package org.rekey.domain.key;

import org.rekey.domain.error.RekeyException;

/** What a key is for. n8n knows one type so far. */
public enum KeyType {
    DATA_ENCRYPTION("data_encryption");

    private final String wireName;

    KeyType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static KeyType fromWire(String name) {
        if (DATA_ENCRYPTION.wireName.equals(name)) {
            return DATA_ENCRYPTION;
        }
        throw RekeyException.invalid("unknown key type '" + name + "'; expected data_encryption");
    }
}
