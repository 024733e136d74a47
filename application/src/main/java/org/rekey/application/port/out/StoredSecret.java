package org.rekey.application.port.out;

import java.util.Objects;

/**
 * One encrypted value as a store holds it ({@code <keyId>:<ciphertext>} or legacy), at its location.
 * {@link #toString()} shows the location only.
 */
public record StoredSecret(SecretLocation location, String value) {

    public StoredSecret {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return "StoredSecret[" + location + "]";
    }
}
