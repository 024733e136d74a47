package org.rekey.domain.key;

import org.rekey.domain.error.RekeyException;

/** The cipher a data key's records use: GCM v1, or legacy CBC for the seeded legacy row. */
public enum KeyAlgorithm {
    AES_256_GCM("aes-256-gcm"),
    AES_256_CBC("aes-256-cbc");

    private final String wireName;

    KeyAlgorithm(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static KeyAlgorithm fromWire(String name) {
        for (KeyAlgorithm algorithm : values()) {
            if (algorithm.wireName.equals(name)) {
                return algorithm;
            }
        }
        throw RekeyException.invalid("unknown key algorithm '" + name + "'; expected aes-256-gcm or aes-256-cbc");
    }
}
