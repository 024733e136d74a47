package org.rekey.domain.key;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import org.rekey.domain.crypto.Base64Text;
import org.rekey.domain.crypto.GcmV1;
import org.rekey.domain.crypto.LegacyCbc;
import org.rekey.domain.error.ErrorCode;
import org.rekey.domain.error.RekeyException;

/**
 * The instance key ({@code N8N_ENCRYPTION_KEY}): the master secret set at deployment.
 *
 * <p>It encrypts records directly only in the legacy format. Otherwise it only wraps data keys:
 * a wrapped value is GCM v1 under {@code SHA-256(UTF-8(instance key))}, Base64-encoded. Unwrapping
 * under the wrong instance key fails with {@link ErrorCode#WRONG_INSTANCE_KEY}. The key never
 * appears in {@link #toString()}.
 */
public final class InstanceKey {

    private final String value;
    private final byte[] wrappingKey;

    private InstanceKey(String value) {
        this.value = value;
        this.wrappingKey = sha256(value.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws RekeyException {@code INVALID_INPUT} for an empty or blank key */
    public static InstanceKey of(String value) {
        if (value == null || value.isBlank()) {
            throw RekeyException.invalid("the instance key (N8N_ENCRYPTION_KEY) is empty");
        }
        return new InstanceKey(value);
    }

    /** Wraps secret bytes (a data key's hex material or the legacy row's key string). */
    String wrap(byte[] secret) {
        return Base64Text.encode(GcmV1.seal(wrappingKey, secret));
    }

    /** @throws RekeyException {@code WRONG_INSTANCE_KEY} when the value was wrapped under another key */
    byte[] unwrap(DataKeyId id, String wrapped) {
        byte[] message = Base64Text.decode(wrapped, "the wrapped value of key " + id);
        try {
            return GcmV1.open(wrappingKey, message);
        } catch (RekeyException e) {
            if (e.code() == ErrorCode.DECRYPTION_FAILED) {
                throw new RekeyException(ErrorCode.WRONG_INSTANCE_KEY, "data key " + id
                        + " does not unwrap with this instance key: N8N_ENCRYPTION_KEY differs from the key that"
                        + " wrapped it. Set the same N8N_ENCRYPTION_KEY on every instance (after `rekey instance-key"
                        + " change`, the new key)");
            }
            throw e;
        }
    }

    /** Whether {@code secret} is this key's UTF-8 bytes (the legacy row's material), compared in constant time. */
    boolean isValue(byte[] secret) {
        return MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8), secret);
    }

    byte[] valueBytes() {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A secret this key protects directly (a wrapped value, GCM v1 under {@code SHA-256} of the key, or a
     * legacy {@code "Salted__"} value), protected the same way under {@code newKey}; the secret itself never
     * leaves this method.
     *
     * @param what names the secret in error messages (never its value)
     * @throws RekeyException {@code WRONG_INSTANCE_KEY} when this key does not open it
     */
    public String reprotect(String stored, InstanceKey newKey, String what) {
        byte[] raw = Base64Text.decode(stored, what);
        if (LegacyCbc.looksLike(raw)) {
            String plaintext;
            try {
                plaintext = decryptLegacy(stored);
            } catch (RekeyException e) {
                throw new RekeyException(ErrorCode.WRONG_INSTANCE_KEY, what + " does not decrypt with this instance key");
            }
            return newKey.encryptLegacy(plaintext);
        }
        try {
            byte[] secret = GcmV1.open(wrappingKey, raw);
            return newKey.wrap(secret);
        } catch (RekeyException e) {
            throw new RekeyException(ErrorCode.WRONG_INSTANCE_KEY, what + " does not unwrap with this instance key");
        }
    }

    /** Encrypts in the legacy format directly under this key (rotation off). */
    public String encryptLegacy(String plaintext) {
        return LegacyCbc.encrypt(value, plaintext);
    }

    public String decryptLegacy(String base64) {
        return LegacyCbc.decrypt(value, base64);
    }

    /** The key string itself, for saving it to the config file. */
    public String reveal(SecretAccess access) {
        Objects.requireNonNull(access);
        return value;
    }

    /**
     * A short name for this key that is safe to print, so that messages can say which source holds which
     * key: the first 8 hex characters of {@code SHA-256("rekey instance key fingerprint:" || UTF-8(key))}.
     * The prefix keeps it unrelated to the wrapping key; 32 bits tell keys apart but do not reveal one.
     */
    public String fingerprint() {
        byte[] digest = sha256(("rekey instance key fingerprint:" + value).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, 4);
    }

    /** Constant-time comparison of two instance keys. */
    public boolean sameAs(InstanceKey other) {
        return MessageDigest.isEqual(wrappingKey, other.wrappingKey)
                && MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8), other.value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InstanceKey other && sameAs(other);
    }

    @Override
    public int hashCode() {
        return 0; // equal keys must hash alike; a hash of the key would leak bits of it
    }

    @Override
    public String toString() {
        return "InstanceKey[redacted]";
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no SHA-256", e);
        }
    }
}
