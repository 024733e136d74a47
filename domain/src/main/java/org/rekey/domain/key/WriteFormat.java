package org.rekey.domain.key;

/** How new values are written: legacy CBC under the instance key (rotation off), or under the active data key. */
public enum WriteFormat {
    LEGACY,
    ACTIVE_KEY;

    public static WriteFormat forRotation(boolean rotationEnabled) {
        return rotationEnabled ? ACTIVE_KEY : LEGACY;
    }
}
