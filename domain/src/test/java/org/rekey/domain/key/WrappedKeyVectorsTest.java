package org.rekey.domain.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rekey.domain.crypto.FormatVectors.hex;
import static org.rekey.domain.crypto.FormatVectors.sequence;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rekey.domain.crypto.BouncyCastleReference;
import org.rekey.domain.crypto.FixedSaltGcm;
import org.rekey.domain.crypto.FormatVectors;

/**
 * The wrapped-key and record-value vectors of FORMAT.md, end to end: a keyring reconstituted from the
 * literal rows decrypts the literal record values.
 */
class WrappedKeyVectorsTest {

    private static final Instant CREATED = Instant.parse("2025-01-01T00:00:00Z");

    /** instance key, its SHA-256, data key material, wrap salt, wrapped value, legacy row salt, legacy row. */
    static Stream<Arguments> deployments() {
        return Stream.of(
                Arguments.of(FormatVectors.INSTANCE_KEY_1, FormatVectors.SHA256_INSTANCE_KEY_1, FormatVectors.GCM_KEY_1,
                        sequence(0xc0, 32), FormatVectors.WRAPPED_1, sequence(0xe0, 32), FormatVectors.LEGACY_ROW_1),
                Arguments.of(FormatVectors.INSTANCE_KEY_2, FormatVectors.SHA256_INSTANCE_KEY_2, FormatVectors.GCM_KEY_2,
                        sequence(0x40, 32), FormatVectors.WRAPPED_2, sequence(0x60, 32), FormatVectors.LEGACY_ROW_2));
    }

    @ParameterizedTest
    @MethodSource("deployments")
    void wrappingKey_isSha256OfTheInstanceKeysUtf8(String instanceKey, String sha256) {
        assertThat(KeyringFixtures.hex(KeyringFixtures.sha256(instanceKey.getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(sha256);
    }

    @ParameterizedTest
    @MethodSource("deployments")
    void wrappedDataKey_isGcmV1OfTheLowercaseHexMaterial(String instanceKey, String sha256, byte[] material,
            byte[] salt, String wrapped) {
        byte[] hexMaterial = HexFormat.of().formatHex(material).getBytes(StandardCharsets.US_ASCII);

        assertThat(Base64.getEncoder().encodeToString(FixedSaltGcm.seal(hex(sha256), salt, hexMaterial))).isEqualTo(wrapped);
        assertThat(Base64.getEncoder().encodeToString(BouncyCastleReference.gcmV1Seal(hex(sha256), salt, hexMaterial)))
                .isEqualTo(wrapped);
    }

    @ParameterizedTest
    @MethodSource("deployments")
    void legacyRow_isGcmV1OfTheInstanceKeyString(String instanceKey, String sha256, byte[] material, byte[] salt,
            String wrapped, byte[] rowSalt, String legacyRow) {
        byte[] secret = instanceKey.getBytes(StandardCharsets.UTF_8);

        assertThat(Base64.getEncoder().encodeToString(FixedSaltGcm.seal(hex(sha256), rowSalt, secret))).isEqualTo(legacyRow);
    }

    @Test
    void keyringFromDeployment1_decryptsItsRecordValues() {
        Keyring keyring = Keyring.reconstitute(InstanceKey.of(FormatVectors.INSTANCE_KEY_1),
                rows(FormatVectors.WRAPPED_1, FormatVectors.LEGACY_ROW_1));

        assertThat(keyring.decrypt(FormatVectors.DATA_KEY_ID + ":" + FormatVectors.GCM_1)).isEqualTo("random-string");
        assertThat(keyring.decrypt(FormatVectors.DATA_KEY_ID + ":" + FormatVectors.GCM_3)).isEmpty();
        assertThat(keyring.decrypt(FormatVectors.LEGACY_ROW_ID + ":" + FormatVectors.LEGACY_1)).isEqualTo("random-string");
        assertThat(keyring.decrypt(FormatVectors.LEGACY_1)).isEqualTo("random-string");
        assertThat(keyring.decrypt(FormatVectors.LEGACY_N8N)).isEqualTo("random-string");
    }

    @Test
    void keyringFromDeployment2_decryptsItsRecordValues() {
        Keyring keyring = Keyring.reconstitute(InstanceKey.of(FormatVectors.INSTANCE_KEY_2),
                rows(FormatVectors.WRAPPED_2, FormatVectors.LEGACY_ROW_2));

        assertThat(keyring.decrypt(FormatVectors.DATA_KEY_ID + ":" + FormatVectors.GCM_2))
                .isEqualTo(FormatVectors.MULTI_BYTE);
        assertThat(keyring.decrypt(FormatVectors.LEGACY_ROW_ID + ":" + FormatVectors.LEGACY_2))
                .isEqualTo(FormatVectors.MULTI_BYTE);
        assertThat(keyring.decrypt(FormatVectors.LEGACY_2)).isEqualTo(FormatVectors.MULTI_BYTE);
    }

    @Test
    void keyringFromVectors_rewrapsItsKeys_toValuesTheIndependentImplementationUnwraps() throws Exception {
        Keyring keyring = Keyring.reconstitute(InstanceKey.of(FormatVectors.INSTANCE_KEY_1),
                rows(FormatVectors.WRAPPED_1, FormatVectors.LEGACY_ROW_1));

        Keyring.KeyChange change = keyring.rewrap(InstanceKey.of(FormatVectors.INSTANCE_KEY_2), CREATED);
        DataKey dataKey = change.keyring().key(new DataKeyId(FormatVectors.DATA_KEY_ID));
        DataKey row = change.keyring().key(new DataKeyId(FormatVectors.LEGACY_ROW_ID));

        assertThat(KeyringFixtures.unwrapIndependently(FormatVectors.INSTANCE_KEY_2, dataKey.wrappedValue()))
                .asString(StandardCharsets.US_ASCII).isEqualTo(HexFormat.of().formatHex(FormatVectors.GCM_KEY_1));
        assertThat(KeyringFixtures.unwrapIndependently(FormatVectors.INSTANCE_KEY_2, row.wrappedValue()))
                .asString(StandardCharsets.UTF_8).isEqualTo(FormatVectors.INSTANCE_KEY_2);
    }

    private static List<DataKey> rows(String wrappedDataKey, String legacyRow) {
        return List.of(
                DataKey.reconstitute(new DataKeyId(FormatVectors.LEGACY_ROW_ID), KeyType.DATA_ENCRYPTION,
                        KeyAlgorithm.AES_256_CBC, KeyStatus.INACTIVE, legacyRow, CREATED, CREATED),
                DataKey.reconstitute(new DataKeyId(FormatVectors.DATA_KEY_ID), KeyType.DATA_ENCRYPTION,
                        KeyAlgorithm.AES_256_GCM, KeyStatus.ACTIVE, wrappedDataKey, CREATED, CREATED));
    }
}
