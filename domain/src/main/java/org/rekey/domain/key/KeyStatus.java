package org.rekey.domain.key;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.rekey.domain.error.RekeyException;

/**
 * A data key's status. {@code active}: the one key that encrypts. {@code inactive}: decrypts only.
 * {@code destroyed}: a tombstone whose material was wiped; values naming it can no longer be read.
 */
public enum KeyStatus {
    ACTIVE("active"),
    INACTIVE("inactive"),
    DESTROYED("destroyed");

    private final String wireName;

    KeyStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static KeyStatus fromWire(String name) {
        for (KeyStatus status : values()) {
            if (status.wireName.equals(name)) {
                return status;
            }
        }
        throw RekeyException.invalid("unknown key status '" + name + "'; expected one of "
                + Arrays.stream(values()).map(KeyStatus::wireName).collect(Collectors.joining(", ")));
    }
}
