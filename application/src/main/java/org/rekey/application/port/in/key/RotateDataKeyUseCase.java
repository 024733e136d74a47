package org.rekey.application.port.in.key;

/** Makes a new data key active and the current one inactive, in one transaction. */
public interface RotateDataKeyUseCase {

    /**
     * @return the new active key
     * @throws org.rekey.domain.error.RekeyException {@code ROTATION_DISABLED} while rotation is off
     */
    DataKeyView rotateDataKey();
}
