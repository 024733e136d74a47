package org.rekey.application.service.value;

import org.rekey.application.port.in.value.InspectValueUseCase;
import org.rekey.application.service.keyring.KeyringCache;
import org.rekey.domain.key.ValueInfo;

/** Tells a value's format and key without decrypting it. */
public final class InspectValueService implements InspectValueUseCase {

    private final KeyringCache keyring;

    public InspectValueService(KeyringCache keyring) {
        this.keyring = keyring;
    }

    @Override
    public ValueInfo inspectValue(String value) {
        return keyring.reload().inspect(value == null ? "" : value.strip());
    }
}
