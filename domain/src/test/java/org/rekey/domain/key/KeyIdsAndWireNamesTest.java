package org.rekey.domain.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rekey.domain.error.RekeyAssertions.assertRejected;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rekey.domain.error.ErrorCode;

/** Key ids and the wire names of key type, algorithm and status, as n8n's deployment_key table spells them. */
class KeyIdsAndWireNamesTest {

    @Test
    void generate_gives16AlphanumericCharacters_withoutRepeats() {
        SecureRandom random = new SecureRandom();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            String id = DataKeyId.generate(random).value();
            assertThat(id).matches("[A-Za-z0-9]{16}");
            ids.add(id);
        }
        assertThat(ids).hasSize(2_000);
    }

    @Test
    void generate_usesTheWholeAlphabet() {
        SecureRandom random = new SecureRandom();
        Set<Character> seen = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            for (char c : DataKeyId.generate(random).value().toCharArray()) {
                seen.add(c);
            }
        }
        assertThat(seen).hasSize(62);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "dot.", "1234567890123456789012345678901234567", "ümlaut"})
    void dataKeyId_rejectsIdsOutsideThePattern(String id) {
        assertRejected(ErrorCode.INVALID_INPUT, () -> new DataKeyId(id));
        assertThat(DataKeyId.isValid(id)).isFalse();
    }

    @Test
    void dataKeyId_rejectsNull() {
        assertRejected(ErrorCode.INVALID_INPUT, () -> new DataKeyId(null));
        assertThat(DataKeyId.isValid(null)).isFalse();
    }

    @Test
    void dataKeyId_acceptsN8nStyleIds_andPrintsAsItsValue() {
        assertThat(new DataKeyId("123456789012345678901234567890123456").value()).hasSize(36);
        assertThat(new DataKeyId("a1b2-c3_d4")).hasToString("a1b2-c3_d4");
    }

    @Test
    void wireNames_areN8ns() {
        assertThat(KeyType.DATA_ENCRYPTION.wireName()).isEqualTo("data_encryption");
        assertThat(KeyAlgorithm.AES_256_GCM.wireName()).isEqualTo("aes-256-gcm");
        assertThat(KeyAlgorithm.AES_256_CBC.wireName()).isEqualTo("aes-256-cbc");
        assertThat(KeyStatus.ACTIVE.wireName()).isEqualTo("active");
        assertThat(KeyStatus.INACTIVE.wireName()).isEqualTo("inactive");
        assertThat(KeyStatus.DESTROYED.wireName()).isEqualTo("destroyed");
    }

    @Test
    void fromWire_readsEveryWireName() {
        for (KeyType type : KeyType.values()) {
            assertThat(KeyType.fromWire(type.wireName())).isEqualTo(type);
        }
        for (KeyAlgorithm algorithm : KeyAlgorithm.values()) {
            assertThat(KeyAlgorithm.fromWire(algorithm.wireName())).isEqualTo(algorithm);
        }
        for (KeyStatus status : KeyStatus.values()) {
            assertThat(KeyStatus.fromWire(status.wireName())).isEqualTo(status);
        }
    }

    @Test
    void fromWire_rejectsUnknownNames() {
        assertRejected(ErrorCode.INVALID_INPUT, () -> KeyType.fromWire("signing"));
        assertRejected(ErrorCode.INVALID_INPUT, () -> KeyAlgorithm.fromWire("AES-256-GCM"));
        assertRejected(ErrorCode.INVALID_INPUT, () -> KeyStatus.fromWire("ACTIVE"));
        assertRejected(ErrorCode.INVALID_INPUT, () -> KeyStatus.fromWire(null));
    }

    @Test
    void dataKey_withoutAWrappedValue_isRejectedUnlessDestroyed() {
        java.time.Instant now = java.time.Instant.parse("2025-01-01T00:00:00Z");

        assertRejected(ErrorCode.INVALID_INPUT, () -> DataKey.reconstitute(new DataKeyId("k1"), KeyType.DATA_ENCRYPTION,
                KeyAlgorithm.AES_256_GCM, KeyStatus.ACTIVE, "", now, now));
        assertThat(DataKey.reconstitute(new DataKeyId("k1"), KeyType.DATA_ENCRYPTION, KeyAlgorithm.AES_256_GCM,
                KeyStatus.DESTROYED, "", now, now).wrappedValue()).isEmpty();
    }

    @Test
    void dataKey_timestampsAreKeptToTheMillisecond() {
        java.time.Instant precise = java.time.Instant.parse("2025-01-01T00:00:00.123456789Z");

        DataKey key = DataKey.reconstitute(new DataKeyId("k1"), KeyType.DATA_ENCRYPTION, KeyAlgorithm.AES_256_GCM,
                KeyStatus.INACTIVE, "AQ==", precise, precise);

        assertThat(key.createdAt()).isEqualTo(java.time.Instant.parse("2025-01-01T00:00:00.123Z"));
        assertThat(key.updatedAt()).isEqualTo(key.createdAt());
    }
}
