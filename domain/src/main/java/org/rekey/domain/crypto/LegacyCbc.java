package org.rekey.domain.crypto;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.IllegalBlockSizeException;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.rekey.domain.error.ErrorCode;
import org.rekey.domain.error.RekeyException;

/**
 * n8n's legacy format, OpenSSL's "Salted__" AES-256-CBC under a password string:
 * {@code base64("Salted__" || salt[8] || AES-256-CBC-PKCS7(key = D1||D2, iv = D3, plaintext))} with
 * {@code P = latin1(password) || salt}, {@code D1 = MD5(P)}, {@code D2 = MD5(D1||P)},
 * {@code D3 = MD5(D2||P)} (OpenSSL {@code EVP_BytesToKey}, MD5, one round).
 *
 * <p>It equals {@code openssl enc -aes-256-cbc -md md5 -salt -a -A -pass pass:PASSWORD} for ASCII
 * passwords. The format has no integrity check: a wrong password usually fails on padding; when the
 * padding happens to be valid, the result is rejected unless it is valid UTF-8. Either way the
 * caller gets {@link ErrorCode#DECRYPTION_FAILED}.
 */
public final class LegacyCbc {

    private static final byte[] MAGIC = "Salted__".getBytes(StandardCharsets.US_ASCII);
    private static final int SALT_LENGTH = 8;
    private static final int HEADER_LENGTH = MAGIC.length + SALT_LENGTH;
    private static final int BLOCK = 16;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ThreadLocal<Cipher> CIPHER = ThreadLocal.withInitial(LegacyCbc::newCipher);
    private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(LegacyCbc::newMd5);

    private LegacyCbc() {
    }

    /** Encrypts UTF-8 {@code plaintext} under {@code password} with a fresh salt; returns Base64. */
    public static String encrypt(String password, String plaintext) {
        byte[] salt = new byte[SALT_LENGTH];
        RANDOM.nextBytes(salt);
        return encrypt(password, salt, plaintext);
    }

    /** Encrypts with a given salt. Only for test vectors. */
    public static String encrypt(String password, byte[] salt, String plaintext) {
        if (salt.length != SALT_LENGTH) {
            throw new IllegalArgumentException("legacy salt must be 8 bytes");
        }
        Cipher cipher = CIPHER.get();
        byte[] body;
        try {
            init(cipher, Cipher.ENCRYPT_MODE, password, salt);
            body = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-CBC encryption failed", e);
        }
        byte[] out = new byte[HEADER_LENGTH + body.length];
        System.arraycopy(MAGIC, 0, out, 0, MAGIC.length);
        System.arraycopy(salt, 0, out, MAGIC.length, SALT_LENGTH);
        System.arraycopy(body, 0, out, HEADER_LENGTH, body.length);
        return Base64.getEncoder().encodeToString(out);
    }

    /**
     * Decrypts a Base64 legacy value.
     *
     * @throws RekeyException {@code MALFORMED_VALUE} for bad Base64, a missing "Salted__" header or a
     *     body that is not whole blocks; {@code DECRYPTION_FAILED} for a wrong password or changed bytes
     */
    public static String decrypt(String password, String base64) {
        byte[] raw = Base64Text.decode(base64, "legacy value");
        if (raw.length < HEADER_LENGTH + BLOCK || !Arrays.equals(raw, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new RekeyException(ErrorCode.MALFORMED_VALUE,
                    "legacy value does not start with an OpenSSL \"Salted__\" header and one block of data");
        }
        if ((raw.length - HEADER_LENGTH) % BLOCK != 0) {
            throw new RekeyException(ErrorCode.MALFORMED_VALUE, "legacy value is truncated: not a whole number of AES blocks");
        }
        byte[] salt = Arrays.copyOfRange(raw, MAGIC.length, HEADER_LENGTH);
        Cipher cipher = CIPHER.get();
        byte[] plain;
        try {
            init(cipher, Cipher.DECRYPT_MODE, password, salt);
            plain = cipher.doFinal(raw, HEADER_LENGTH, raw.length - HEADER_LENGTH);
        } catch (BadPaddingException | IllegalBlockSizeException e) {
            throw wrongKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-CBC decryption failed", e);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(plain))
                    .toString();
        } catch (CharacterCodingException e) {
            throw wrongKey();
        }
    }

    /** True when the Base64 text decodes to something that starts with the "Salted__" header. */
    public static boolean looksLike(byte[] raw) {
        return raw.length >= MAGIC.length && Arrays.equals(raw, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
    }

    private static RekeyException wrongKey() {
        return new RekeyException(ErrorCode.DECRYPTION_FAILED,
                "legacy value does not decrypt: wrong key, or the value was changed");
    }

    private static void init(Cipher cipher, int mode, String password, byte[] salt) throws GeneralSecurityException {
        byte[] p = concat(binary(password), salt);
        MessageDigest md5 = MD5.get();
        byte[] d1 = md5.digest(p);
        byte[] d2 = md5.digest(concat(d1, p));
        byte[] d3 = md5.digest(concat(d2, p));
        cipher.init(mode, new SecretKeySpec(concat(d1, d2), "AES"), new IvParameterSpec(d3));
    }

    /**
     * Node's {@code Buffer.from(password, 'binary')}, as n8n reads the password: the low byte of each
     * UTF-16 unit. Equal to ISO-8859-1 for Latin-1 text, but never '?' for other characters.
     */
    private static byte[] binary(String password) {
        byte[] bytes = new byte[password.length()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) password.charAt(i);
        }
        return bytes;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static MessageDigest newMd5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no MD5", e);
        }
    }

    private static Cipher newCipher() {
        try {
            return Cipher.getInstance("AES/CBC/PKCS5Padding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no AES/CBC/PKCS5Padding", e);
        }
    }
}
