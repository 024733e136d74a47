package org.rekey.domain.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.rekey.domain.error.ErrorCode;
import org.rekey.domain.error.RekeyException;

/**
 * n8n's "GCM v1" message format: {@code 0x01 || salt[32] || tag[16] || ciphertext}.
 *
 * <p>Each message draws a fresh 32-byte salt; {@code HKDF-SHA256(ikm = key, salt, info =
 * "n8n-encryption-v1", L = 44)} yields the AES-256 key (first 32 bytes) and the 96-bit IV (last 12).
 * No associated data; 128-bit tag. Opening checks the tag before returning anything, so a wrong
 * key or any changed bit fails with {@link ErrorCode#DECRYPTION_FAILED}, never with garbage.
 * {@code Cipher} instances are reused per thread.
 */
public final class GcmV1 {

    public static final byte VERSION = 0x01;
    public static final int SALT_LENGTH = 32;
    public static final int TAG_LENGTH = 16;
    public static final int HEADER_LENGTH = 1 + SALT_LENGTH + TAG_LENGTH;
    public static final int KEY_LENGTH = 32;

    private static final byte[] INFO = "n8n-encryption-v1".getBytes(StandardCharsets.US_ASCII);
    private static final int IV_LENGTH = 12;
    private static final ThreadLocal<Cipher> CIPHER = ThreadLocal.withInitial(GcmV1::newCipher);
    private static final SecureRandom RANDOM = new SecureRandom();

    private GcmV1() {
    }

    /** Seals {@code plaintext} under the 32-byte {@code key} with a fresh random salt. */
    public static byte[] seal(byte[] key, byte[] plaintext) {
        byte[] salt = new byte[SALT_LENGTH];
        RANDOM.nextBytes(salt);
        return seal(CIPHER.get(), key, salt, plaintext);
    }

    /**
     * Seals with {@code cipher} and a given salt. Package-private for test vectors, which must fix the salt:
     * reusing a salt under one key breaks GCM.
     */
    static byte[] seal(Cipher cipher, byte[] key, byte[] salt, byte[] plaintext) {
        requireKey(key);
        if (salt.length != SALT_LENGTH) {
            throw new IllegalArgumentException("GCM v1 salt must be 32 bytes");
        }
        byte[] sealed;
        try {
            init(cipher, Cipher.ENCRYPT_MODE, key, salt);
            sealed = cipher.doFinal(plaintext); // ciphertext || tag
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
        int ctLength = sealed.length - TAG_LENGTH;
        byte[] out = new byte[HEADER_LENGTH + ctLength];
        out[0] = VERSION;
        System.arraycopy(salt, 0, out, 1, SALT_LENGTH);
        System.arraycopy(sealed, ctLength, out, 1 + SALT_LENGTH, TAG_LENGTH);
        System.arraycopy(sealed, 0, out, HEADER_LENGTH, ctLength);
        return out;
    }

    /**
     * Opens a GCM v1 message.
     *
     * @throws RekeyException {@code MALFORMED_VALUE} if shorter than 49 bytes, {@code UNSUPPORTED_VERSION}
     *     for another version byte, {@code DECRYPTION_FAILED} for a wrong key or a changed bit
     */
    public static byte[] open(byte[] key, byte[] message) {
        requireKey(key);
        if (message.length < HEADER_LENGTH) {
            throw new RekeyException(ErrorCode.MALFORMED_VALUE,
                    "GCM v1 value is too short: " + message.length + " bytes, at least " + HEADER_LENGTH + " expected");
        }
        if (message[0] != VERSION) {
            throw new RekeyException(ErrorCode.UNSUPPORTED_VERSION,
                    "unsupported GCM value version " + (message[0] & 0xff) + "; only version 1 is known");
        }
        byte[] salt = new byte[SALT_LENGTH];
        System.arraycopy(message, 1, salt, 0, SALT_LENGTH);
        int ctLength = message.length - HEADER_LENGTH;
        byte[] input = new byte[ctLength + TAG_LENGTH];
        System.arraycopy(message, HEADER_LENGTH, input, 0, ctLength);
        System.arraycopy(message, 1 + SALT_LENGTH, input, ctLength, TAG_LENGTH);
        Cipher cipher = CIPHER.get();
        try {
            init(cipher, Cipher.DECRYPT_MODE, key, salt);
            return cipher.doFinal(input);
        } catch (AEADBadTagException e) {
            throw new RekeyException(ErrorCode.DECRYPTION_FAILED,
                    "value does not decrypt: wrong key, or the value was changed");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption failed", e);
        }
    }

    private static void init(Cipher cipher, int mode, byte[] key, byte[] salt) throws GeneralSecurityException {
        byte[] okm = Hkdf.deriveSha256(key, salt, INFO, KEY_LENGTH + IV_LENGTH);
        SecretKeySpec aesKey = new SecretKeySpec(okm, 0, KEY_LENGTH, "AES");
        GCMParameterSpec iv = new GCMParameterSpec(TAG_LENGTH * 8, okm, KEY_LENGTH, IV_LENGTH);
        cipher.init(mode, aesKey, iv);
    }

    private static void requireKey(byte[] key) {
        if (key.length != KEY_LENGTH) {
            throw new IllegalArgumentException("GCM v1 key must be 32 bytes");
        }
    }

    static Cipher newCipher() {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no AES/GCM/NoPadding", e);
        }
    }
}
