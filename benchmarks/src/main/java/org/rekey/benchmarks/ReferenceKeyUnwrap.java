package org.rekey.benchmarks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Recovers a data key's material from its stored wrapped value, independently of rekey: GCM v1 under
 * {@code SHA-256(UTF-8(instance key))}, holding 64 lowercase hex characters. This is how the reference
 * gets the same key the keyring uses, through the stored format only.
 */
public final class ReferenceKeyUnwrap {

    private ReferenceKeyUnwrap() {
    }

    /** @throws IllegalArgumentException if the value does not unwrap under {@code instanceKey} to 32 hex-encoded bytes */
    public static byte[] dataKey(String instanceKey, String wrappedValue) {
        byte[] wrappingKey;
        try {
            wrappingKey = MessageDigest.getInstance("SHA-256").digest(instanceKey.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK lacks SHA-256", e);
        }
        byte[] hex = new ReferenceGcmV1().open(wrappingKey, Base64.getDecoder().decode(wrappedValue));
        if (hex.length != 64) {
            throw new IllegalArgumentException("a wrapped GCM data key holds 64 hex characters");
        }
        return HexFormat.of().parseHex(new String(hex, StandardCharsets.US_ASCII));
    }
}
