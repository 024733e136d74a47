package org.rekey.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * The yardstick for {@code Keyring.encrypt}/{@code decrypt}: a stored record value
 * {@code <keyId>:base64(GCM v1)} made and read with {@link ReferenceGcmV1}, keys looked up by id.
 * One instance per thread.
 */
public final class ReferenceRecordValue {

    private final ReferenceGcmV1 gcm = new ReferenceGcmV1();
    private final Map<String, byte[]> keys = new HashMap<>();
    private final String activeKeyId;
    private final byte[] activeKey;

    /** Writes under {@code activeKeyId}; reads values naming it. */
    public ReferenceRecordValue(String activeKeyId, byte[] activeKey) {
        this.activeKeyId = activeKeyId;
        this.activeKey = activeKey.clone();
        keys.put(activeKeyId, this.activeKey);
    }

    /** {@code activeKeyId:base64(0x01 || salt || tag || ciphertext)} of the UTF-8 plaintext. */
    public String encrypt(String plaintext) {
        byte[] message = gcm.seal(activeKey, plaintext.getBytes(StandardCharsets.UTF_8));
        return activeKeyId + ':' + Base64.getEncoder().encodeToString(message);
    }

    /** @throws IllegalArgumentException for a value that names no known key, is not Base64 or does not authenticate */
    public String decrypt(String value) {
        int colon = value.indexOf(':');
        byte[] key = colon < 0 ? null : keys.get(value.substring(0, colon));
        if (key == null) {
            throw new IllegalArgumentException("the value names no known key");
        }
        byte[] message = Base64.getDecoder().decode(value.substring(colon + 1));
        return new String(gcm.open(key, message), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "ReferenceRecordValue[activeKeyId=" + activeKeyId + "]";
    }
}
