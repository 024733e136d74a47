package org.rekey.application.service.keyring;

import java.util.Objects;
import java.util.Optional;
import org.rekey.domain.key.InstanceKey;

/**
 * What the one command a process runs may ask of its start-up.
 *
 * @param offeredNewKey the new key of an {@code instance-key change} about to run: used only when the
 *     configured key no longer unwraps the stored keys and this one does (the change was interrupted after the
 *     re-wrap), so that the change can finish
 * @param seedingDeferred a key import is about to run: an empty store is not seeded, the import takes its place
 */
public record StartOptions(Optional<InstanceKey> offeredNewKey, boolean seedingDeferred) {

    public static final StartOptions NONE = new StartOptions(Optional.empty(), false);

    public StartOptions {
        Objects.requireNonNull(offeredNewKey, "offeredNewKey");
    }

    public StartOptions withOfferedNewKey(InstanceKey key) {
        return new StartOptions(Optional.of(key), seedingDeferred);
    }

    public StartOptions withSeedingDeferred() {
        return new StartOptions(offeredNewKey, true);
    }
}
