package org.rekey.benchmarks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The yardstick for rekey's GCM v1 path: n8n's {@code 0x01 || salt[32] || tag[16] || ciphertext}
 * written directly on JDK primitives, independently of rekey's code.
 *
 * <p>HKDF-SHA256 (RFC 5869, L = 44: one PRK and two expand blocks) runs on a {@link Mac}; AES-GCM on a
 * {@link Cipher}. Both are created once and reused, so an instance belongs to one thread.
 */
public final class ReferenceGcmV1 {

    static final int SALT = 32;
    static final int TAG = 16;
    static final int HEADER = 1 + SALT + TAG;

    private static final byte[] INFO = "n8n-encryption-v1".getBytes(StandardCharsets.US_ASCII);

    private final Mac hmac;
    private final Cipher gcm;
    private final SecureRandom random = new SecureRandom();

    public ReferenceGcmV1() {
        try {
            hmac = Mac.getInstance("HmacSHA256");
            gcm = Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK lacks HmacSHA256 or AES/GCM/NoPadding", e);
        }
    }

    /** Seals {@code plaintext} under the 32-byte {@code key} with a fresh random salt. */
    public byte[] seal(byte[] key, byte[] plaintext) {
        byte[] out;
        byte[] salt = new byte[SALT];
        random.nextBytes(salt);
        try {
            initGcm(Cipher.ENCRYPT_MODE, key, salt, 0);
            byte[] ciphertextAndTag = gcm.doFinal(plaintext);
            int length = ciphertextAndTag.length - TAG;
            out = new byte[HEADER + length];
            out[0] = 1;
            System.arraycopy(salt, 0, out, 1, SALT);
            System.arraycopy(ciphertextAndTag, length, out, 1 + SALT, TAG);
            System.arraycopy(ciphertextAndTag, 0, out, HEADER, length);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM sealing failed", e);
        }
        return out;
    }

    /**
     * Opens a message; the tag is checked before anything is returned.
     *
     * @throws IllegalArgumentException if it is not GCM v1, or does not authenticate under {@code key}
     */
    public byte[] open(byte[] key, byte[] message) {
        if (message.length < HEADER || message[0] != 1) {
            throw new IllegalArgumentException("not a GCM v1 message");
        }
        int length = message.length - HEADER;
        byte[] ciphertextAndTag = new byte[length + TAG];
        System.arraycopy(message, HEADER, ciphertextAndTag, 0, length);
        System.arraycopy(message, 1 + SALT, ciphertextAndTag, length, TAG);
        try {
            initGcm(Cipher.DECRYPT_MODE, key, message, 1);
            return gcm.doFinal(ciphertextAndTag);
        } catch (AEADBadTagException e) {
            throw new IllegalArgumentException("GCM v1 message does not authenticate");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM opening failed", e);
        }
    }

    /** HKDF-SHA256(ikm = key, salt, info, 44): block T1 is the AES key, the first 12 bytes of T2 the IV. */
    private void initGcm(int mode, byte[] key, byte[] saltSource, int saltOffset) throws GeneralSecurityException {
        hmac.init(new SecretKeySpec(saltSource, saltOffset, SALT, "HmacSHA256"));
        byte[] prk = hmac.doFinal(key);
        hmac.init(new SecretKeySpec(prk, "HmacSHA256"));
        hmac.update(INFO);
        hmac.update((byte) 1);
        byte[] t1 = hmac.doFinal();
        hmac.update(t1);
        hmac.update(INFO);
        hmac.update((byte) 2);
        byte[] t2 = hmac.doFinal();
        gcm.init(mode, new SecretKeySpec(t1, "AES"), new GCMParameterSpec(TAG * 8, t2, 0, 12));
    }
}
