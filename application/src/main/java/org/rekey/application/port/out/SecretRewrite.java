package org.rekey.application.port.out;

import java.util.Objects;

/**
 * A secret's new value, to be written only if the store still holds the value it was read with
 * ({@code before}): a compare-and-set, so that a write made meanwhile by anyone else always wins.
 * {@link #toString()} shows the location only.
 */
public record SecretRewrite(StoredSecret before, String newValue) {

    public SecretRewrite {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(newValue, "newValue");
    }

    public SecretLocation location() {
        return before.location();
    }

    @Override
    public String toString() {
        return "SecretRewrite[" + before.location() + "]";
    }
}
