package org.rekey.domain.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * An independent implementation of HKDF-SHA256 and of GCM v1 on BouncyCastle's lightweight API
 * (no JCE, no rekey code): the reference rekey's JDK-based {@link Hkdf} and {@link GcmV1} are checked against.
 */
public final class BouncyCastleReference {

    private static final byte[] INFO = "n8n-encryption-v1".getBytes(StandardCharsets.US_ASCII);

    private BouncyCastleReference() {
    }

    public static byte[] hkdfSha256(byte[] ikm, byte[] salt, byte[] info, int length) {
        HKDFBytesGenerator generator = new HKDFBytesGenerator(new SHA256Digest());
        generator.init(new HKDFParameters(ikm, salt, info));
        byte[] out = new byte[length];
        generator.generateBytes(out, 0, length);
        return out;
    }

    /** {@code 0x01 || salt || tag || ciphertext}, assembled by hand from BouncyCastle's {@code ciphertext || tag}. */
    public static byte[] gcmV1Seal(byte[] key, byte[] salt, byte[] plaintext) {
        GCMModeCipher gcm = gcm(true, key, salt);
        byte[] ctAndTag = new byte[gcm.getOutputSize(plaintext.length)];
        int n = gcm.processBytes(plaintext, 0, plaintext.length, ctAndTag, 0);
        try {
            gcm.doFinal(ctAndTag, n);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException(e);
        }
        int ctLength = ctAndTag.length - 16;
        byte[] out = new byte[1 + 32 + 16 + ctLength];
        out[0] = 0x01;
        System.arraycopy(salt, 0, out, 1, 32);
        System.arraycopy(ctAndTag, ctLength, out, 33, 16);
        System.arraycopy(ctAndTag, 0, out, 49, ctLength);
        return out;
    }

    /** Opens a GCM v1 message; throws {@link InvalidCipherTextException} when the tag does not verify. */
    public static byte[] gcmV1Open(byte[] key, byte[] message) throws InvalidCipherTextException {
        if (message.length < 49 || message[0] != 0x01) {
            throw new IllegalArgumentException("not a GCM v1 message");
        }
        byte[] salt = Arrays.copyOfRange(message, 1, 33);
        byte[] tag = Arrays.copyOfRange(message, 33, 49);
        byte[] ct = Arrays.copyOfRange(message, 49, message.length);
        byte[] ctAndTag = new byte[ct.length + 16];
        System.arraycopy(ct, 0, ctAndTag, 0, ct.length);
        System.arraycopy(tag, 0, ctAndTag, ct.length, 16);
        GCMModeCipher gcm = gcm(false, key, salt);
        byte[] plain = new byte[gcm.getOutputSize(ctAndTag.length)];
        int n = gcm.processBytes(ctAndTag, 0, ctAndTag.length, plain, 0);
        n += gcm.doFinal(plain, n);
        return Arrays.copyOf(plain, n);
    }

    private static GCMModeCipher gcm(boolean encrypt, byte[] key, byte[] salt) {
        byte[] okm = hkdfSha256(key, salt, INFO, 44);
        GCMModeCipher gcm = GCMBlockCipher.newInstance(AESEngine.newInstance());
        gcm.init(encrypt, new AEADParameters(new KeyParameter(okm, 0, 32), 128, Arrays.copyOfRange(okm, 32, 44)));
        return gcm;
    }
}
