package org.rekey.application.service.value;

import org.rekey.application.port.in.value.EncryptValueUseCase;
import org.rekey.application.service.keyring.KeyringCache;
import org.rekey.application.service.keyring.RekeySettings;
import org.rekey.domain.error.RekeyException;
import org.rekey.domain.key.WriteFormat;

/** Encrypts a string as a record value would be: under the active key, or legacy while rotation is off. */
public final class EncryptValueService implements EncryptValueUseCase {

    private final KeyringCache keyring;
    private final RekeySettings settings;

    public EncryptValueService(KeyringCache keyring, RekeySettings settings) {
        this.keyring = keyring;
        this.settings = settings;
    }

    @Override
    public String encryptValue(String plaintext) {
        if (plaintext == null) {
            throw RekeyException.invalid("nothing to encrypt");
        }
        return keyring.current().encrypt(plaintext, WriteFormat.forRotation(settings.rotationEnabled()));
    }
}
