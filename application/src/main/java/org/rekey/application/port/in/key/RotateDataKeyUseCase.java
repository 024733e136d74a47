package org.rekey.application.port.in.key;

import java.time.Duration;
import java.util.Optional;
import org.rekey.application.audit.Actor;

/** Makes a new data key active and the current one inactive, in one transaction. */
public interface RotateDataKeyUseCase {

    /**
     * @return the new active key
     * @throws org.rekey.domain.error.RekeyException {@code ROTATION_DISABLED} while rotation is off
     */
    DataKeyView rotateDataKey(Actor actor);

    /**
     * Rotates only if the active key is at least {@code maxAge} old, checked again inside the rotating
     * transaction, so instances checking at the same moment rotate once between them.
     *
     * @return the new active key; empty when the active key was young enough
     * @throws org.rekey.domain.error.RekeyException {@code ROTATION_DISABLED} while rotation is off
     */
    Optional<DataKeyView> rotateDataKeyIfOlderThan(Duration maxAge, Actor actor);
}
