package org.rekey.benchmarks;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The yardstick for rekey's legacy path: OpenSSL {@code Salted__} AES-256-CBC under a password, with
 * key and IV from {@code EVP_BytesToKey} (MD5, one round), written directly on JDK primitives.
 *
 * <p>Like rekey it rejects a plaintext that is not valid UTF-8 (CBC has no tag). The digest, cipher and
 * decoder are reused, so an instance belongs to one thread.
 */
public final class ReferenceLegacyCbc {

    private static final byte[] MAGIC = "Salted__".getBytes(StandardCharsets.US_ASCII);
    private static final int HEADER = 16;

    private final byte[] password;
    private final MessageDigest md5;
    private final Cipher cbc;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final SecureRandom random = new SecureRandom();

    public ReferenceLegacyCbc(String password) {
        this.password = password.getBytes(StandardCharsets.ISO_8859_1);
        try {
            md5 = MessageDigest.getInstance("MD5");
            cbc = Cipher.getInstance("AES/CBC/PKCS5Padding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK lacks MD5 or AES/CBC/PKCS5Padding", e);
        }
    }

    /** {@code base64("Salted__" || salt[8] || AES-256-CBC(plaintext))} with a fresh salt. */
    public String encrypt(String plaintext) {
        byte[] salt = new byte[8];
        random.nextBytes(salt);
        try {
            init(Cipher.ENCRYPT_MODE, salt, 0);
            byte[] body = cbc.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[HEADER + body.length];
            System.arraycopy(MAGIC, 0, out, 0, MAGIC.length);
            System.arraycopy(salt, 0, out, MAGIC.length, salt.length);
            System.arraycopy(body, 0, out, HEADER, body.length);
            return Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-CBC encryption failed", e);
        }
    }

    /** @throws IllegalArgumentException for a value that is not {@code Salted__} CBC or does not decrypt to UTF-8 */
    public String decrypt(String base64) {
        byte[] raw = Base64.getDecoder().decode(base64);
        if (raw.length < HEADER + 16 || (raw.length - HEADER) % 16 != 0
                || !Arrays.equals(raw, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new IllegalArgumentException("not an OpenSSL Salted__ CBC value");
        }
        try {
            init(Cipher.DECRYPT_MODE, raw, MAGIC.length);
            byte[] plain = cbc.doFinal(raw, HEADER, raw.length - HEADER);
            return utf8.decode(ByteBuffer.wrap(plain)).toString();
        } catch (BadPaddingException | CharacterCodingException e) {
            throw new IllegalArgumentException("legacy value does not decrypt under this password");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-CBC decryption failed", e);
        }
    }

    /** EVP_BytesToKey: D1 = MD5(P||S), D2 = MD5(D1||P||S), D3 = MD5(D2||P||S); key = D1||D2, IV = D3. */
    private void init(int mode, byte[] saltSource, int saltOffset) throws GeneralSecurityException {
        byte[] key = new byte[32];
        byte[] iv = new byte[16];
        digest(null, 0, saltSource, saltOffset, key, 0);
        digest(key, 0, saltSource, saltOffset, key, 16);
        digest(key, 16, saltSource, saltOffset, iv, 0);
        cbc.init(mode, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
    }

    private void digest(byte[] previous, int previousOffset, byte[] saltSource, int saltOffset, byte[] out,
            int outOffset) throws DigestException {
        if (previous != null) {
            md5.update(previous, previousOffset, 16);
        }
        md5.update(password);
        md5.update(saltSource, saltOffset, 8);
        md5.digest(out, outOffset, 16);
    }

    @Override
    public String toString() {
        return "ReferenceLegacyCbc[redacted]";
    }
}
