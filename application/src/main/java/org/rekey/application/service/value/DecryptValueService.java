package org.rekey.application.service.value;

import org.rekey.application.port.in.value.DecryptValueUseCase;
import org.rekey.application.service.keyring.KeyringCache;

/** Decrypts any stored value, whatever the rotation flag says. */
public final class DecryptValueService implements DecryptValueUseCase {

    private final KeyringCache keyring;

    public DecryptValueService(KeyringCache keyring) {
        this.keyring = keyring;
    }

    @Override
    public String decryptValue(String value) {
        return keyring.decrypt(value == null ? "" : value.strip());
    }
}
