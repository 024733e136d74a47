package org.rekey.application.port.in.value;

/** Encrypts a string under the active key, or in the legacy format while rotation is off. */
public interface EncryptValueUseCase {
    String encryptValue(String plaintext);
}
