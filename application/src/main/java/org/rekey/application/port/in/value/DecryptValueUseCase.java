package org.rekey.application.port.in.value;

/** Decrypts any stored value, whatever its format. */
public interface DecryptValueUseCase {
    String decryptValue(String value);
}
