package org.rekey.application.port.in.key;

import org.rekey.application.audit.Actor;
import org.rekey.domain.key.DataKeyId;

/** Wipes an unused inactive key's material, keeping a tombstone. */
public interface DestroyDataKeyUseCase {
    /**
     * @throws org.rekey.domain.error.RekeyException {@code KEY_IN_USE} (with the count) while records use
     *     it, {@code KEY_ACTIVE} while it is active, {@code KEY_NOT_FOUND}, {@code KEY_DESTROYED}
     */
    DataKeyView destroyDataKey(DataKeyId id, Actor actor);
}
