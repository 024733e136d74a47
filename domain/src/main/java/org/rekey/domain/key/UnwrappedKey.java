package org.rekey.domain.key;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.rekey.domain.crypto.Base64Text;
import org.rekey.domain.crypto.GcmV1;
import org.rekey.domain.crypto.LegacyCbc;
import org.rekey.domain.error.ErrorCode;
import org.rekey.domain.error.RekeyException;

/** A data key's material in memory, able to encrypt and decrypt the ciphertext part of a record value. */
sealed interface UnwrappedKey {

    String encrypt(String plaintext);

    String decrypt(String ciphertext);

    /** The secret bytes to wrap: 64 lowercase hex characters for GCM, the key string for the legacy row. */
    byte[] wrappable();

    static UnwrappedKey unwrap(InstanceKey instanceKey, DataKey key) {
        byte[] secret = instanceKey.unwrap(key.id(), key.wrappedValue());
        return switch (key.algorithm()) {
            case AES_256_GCM -> Gcm.fromHex(key.id(), secret);
            case AES_256_CBC -> new Cbc(new String(secret, StandardCharsets.UTF_8));
        };
    }

    /** A 32-byte key for GCM v1. */
    final class Gcm implements UnwrappedKey {
        private static final HexFormat HEX = HexFormat.of();
        private final byte[] key;

        Gcm(byte[] key) {
            if (key.length != GcmV1.KEY_LENGTH) {
                throw new IllegalArgumentException("a GCM data key is 32 bytes");
            }
            this.key = key.clone();
        }

        static Gcm fromHex(DataKeyId id, byte[] hex) {
            String text = new String(hex, StandardCharsets.US_ASCII);
            if (text.length() != 2 * GcmV1.KEY_LENGTH || !text.chars().allMatch(c -> HexFormat.isHexDigit(c))) {
                throw new RekeyException(ErrorCode.DECRYPTION_FAILED,
                        "data key " + id + " unwraps, but not to 64 hex characters: the stored key is corrupt");
            }
            return new Gcm(HEX.parseHex(text));
        }

        @Override
        public String encrypt(String plaintext) {
            return Base64Text.encode(GcmV1.seal(key, plaintext.getBytes(StandardCharsets.UTF_8)));
        }

        @Override
        public String decrypt(String ciphertext) {
            byte[] plain = GcmV1.open(key, Base64Text.decode(ciphertext, "GCM value"));
            return new String(plain, StandardCharsets.UTF_8);
        }

        @Override
        public byte[] wrappable() {
            return HEX.formatHex(key).getBytes(StandardCharsets.US_ASCII);
        }

        @Override
        public String toString() {
            return "UnwrappedKey.Gcm[redacted]";
        }
    }

    /** A password string for legacy CBC (the seeded legacy row holds the instance key string). */
    final class Cbc implements UnwrappedKey {
        private final String password;

        Cbc(String password) {
            this.password = password;
        }

        @Override
        public String encrypt(String plaintext) {
            return LegacyCbc.encrypt(password, plaintext);
        }

        @Override
        public String decrypt(String ciphertext) {
            return LegacyCbc.decrypt(password, ciphertext);
        }

        @Override
        public byte[] wrappable() {
            return password.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return "UnwrappedKey.Cbc[redacted]";
        }
    }
}
