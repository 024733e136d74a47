package org.rekey.domain.crypto;

/** GCM v1 sealed with a given salt, for test vectors only: reusing a salt under one key breaks GCM. */
public final class FixedSaltGcm {

    private FixedSaltGcm() {
    }

    /** Uses a fresh {@code Cipher}, since the JDK refuses to encrypt twice in a row with one key and IV. */
    public static byte[] seal(byte[] key, byte[] salt, byte[] plaintext) {
        return GcmV1.seal(GcmV1.newCipher(), key, salt, plaintext);
    }
}
