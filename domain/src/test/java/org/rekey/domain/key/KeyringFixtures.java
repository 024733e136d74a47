package org.rekey.domain.key;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.rekey.domain.crypto.BouncyCastleReference;
import org.rekey.domain.crypto.FormatVectors;

/** Shared starting points for keyring tests: an instance key, fixed instants, and an independent unwrap. */
final class KeyringFixtures {

    static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    static final Instant T1 = Instant.parse("2025-03-02T11:30:00.123Z");
    static final Instant T2 = Instant.parse("2025-03-03T12:45:00.456Z");
    static final Instant T3 = Instant.parse("2025-03-04T08:15:30.789Z");
    static final SecureRandom RANDOM = new SecureRandom();
    static final InstanceKey INSTANCE_KEY = InstanceKey.of(FormatVectors.INSTANCE_KEY_2);
    static final InstanceKey OTHER_INSTANCE_KEY = InstanceKey.of("a-different-instance-key-0123456789");

    private KeyringFixtures() {
    }

    static Keyring seeded() {
        return Keyring.seed(INSTANCE_KEY, T0, RANDOM);
    }

    static DataKey legacyRow(Keyring keyring) {
        return keyring.keys().stream().filter(k -> k.algorithm() == KeyAlgorithm.AES_256_CBC).findFirst().orElseThrow();
    }

    static DataKey active(Keyring keyring) {
        return keyring.activeKey().orElseThrow();
    }

    /** Unwraps a stored key with BouncyCastle and the JDK's SHA-256 only: no rekey code. */
    static byte[] unwrapIndependently(String instanceKey, String wrappedValue) throws InvalidCipherTextException {
        byte[] wrappingKey = sha256(instanceKey.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return BouncyCastleReference.gcmV1Open(wrappingKey, java.util.Base64.getDecoder().decode(wrappedValue));
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    /** A copy of {@code key} with another status, as a storage row edited by hand would be. */
    static DataKey withStatus(DataKey key, KeyStatus status) {
        return DataKey.reconstitute(key.id(), key.type(), key.algorithm(), status, key.wrappedValue(),
                key.createdAt(), key.updatedAt());
    }
}
