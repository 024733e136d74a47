package org.rekey.application.port.in.value;

/** The value use cases: encrypt, decrypt and inspect one stored value. */
public record ValueUseCases(
        EncryptValueUseCase encryptValue,
        DecryptValueUseCase decryptValue,
        InspectValueUseCase inspectValue) {
}
