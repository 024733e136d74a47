package org.rekey.domain.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rekey.domain.error.RekeyAssertions.assertRejected;
import static org.rekey.domain.key.KeyringFixtures.active;
import static org.rekey.domain.key.KeyringFixtures.seeded;

import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.rekey.domain.crypto.FormatVectors;
import org.rekey.domain.error.ErrorCode;
import org.rekey.domain.error.RekeyException;

/** A corrupt stored value gives a clear, coded error, never garbage and never a raw JCE exception. */
class KeyringDecryptErrorsTest {

    private static final String PLAINTEXT = "{\"password\":\"hunter2-very-secret\"}";

    private final Keyring keyring = seeded();
    private final String value = keyring.encrypt(PLAINTEXT, WriteFormat.ACTIVE_KEY);
    private final String id = value.substring(0, value.indexOf(':'));
    private final byte[] raw = Base64.getDecoder().decode(value.substring(id.length() + 1));

    @Test
    void flippedBit_failsWithDecryptionFailed() {
        for (int i = 1; i < raw.length; i += 7) {
            byte[] changed = raw.clone();
            changed[i] ^= 0x10;
            String corrupt = id + ":" + Base64.getEncoder().encodeToString(changed);

            assertClean(assertRejected(ErrorCode.DECRYPTION_FAILED, () -> keyring.decrypt(corrupt)), corrupt);
        }
    }

    @Test
    void truncatedBelow49Bytes_failsWithMalformedValue() {
        String corrupt = id + ":" + Base64.getEncoder().encodeToString(Arrays.copyOf(raw, 48));

        assertClean(assertRejected(ErrorCode.MALFORMED_VALUE, () -> keyring.decrypt(corrupt)), corrupt);
    }

    @Test
    void truncatedAbove49Bytes_failsWithDecryptionFailed() {
        String corrupt = id + ":" + Base64.getEncoder().encodeToString(Arrays.copyOf(raw, raw.length - 3));

        assertClean(assertRejected(ErrorCode.DECRYPTION_FAILED, () -> keyring.decrypt(corrupt)), corrupt);
    }

    @Test
    void notBase64_failsWithMalformedValue() {
        String corrupt = id + ":" + "@@@@" + value.substring(id.length() + 5);

        assertClean(assertRejected(ErrorCode.MALFORMED_VALUE, () -> keyring.decrypt(corrupt)), corrupt);
    }

    @Test
    void anotherVersionByte_failsWithUnsupportedVersion() {
        byte[] changed = raw.clone();
        changed[0] = 0x02;
        String corrupt = id + ":" + Base64.getEncoder().encodeToString(changed);

        assertClean(assertRejected(ErrorCode.UNSUPPORTED_VERSION, () -> keyring.decrypt(corrupt)), corrupt);
    }

    @Test
    void valueUnderAnotherKeysId_isRejected() {
        String underRow = KeyringFixtures.legacyRow(keyring).id() + ":" + FormatVectors.GCM_1;
        Keyring rotated = keyring.rotate(KeyringFixtures.T1, KeyringFixtures.RANDOM).keyring();
        String misnamed = active(rotated).id() + ":" + value.substring(id.length() + 1);

        assertRejected(ErrorCode.MALFORMED_VALUE, () -> keyring.decrypt(underRow)); // not "Salted__" for the CBC row
        assertClean(assertRejected(ErrorCode.DECRYPTION_FAILED, () -> rotated.decrypt(misnamed)), misnamed);
    }

    @Test
    void legacyValueUnderTheWrongInstanceKey_failsWithDecryptionFailed() {
        assertClean(assertRejected(ErrorCode.DECRYPTION_FAILED, () -> keyring.decrypt(FormatVectors.LEGACY_1)),
                FormatVectors.LEGACY_1);
    }

    @Test
    void malformedPrefix_failsWithMalformedValue() {
        String corrupt = "bad id:" + value.substring(id.length() + 1);

        assertClean(assertRejected(ErrorCode.MALFORMED_VALUE, () -> keyring.decrypt(corrupt)), corrupt);
    }

    private static void assertClean(RekeyException e, String corruptValue) {
        String ciphertext = corruptValue.substring(corruptValue.indexOf(':') + 1);
        assertThat(e.getMessage()).doesNotContain(ciphertext).doesNotContain(PLAINTEXT).doesNotContain("hunter2")
                .doesNotContain(FormatVectors.INSTANCE_KEY_2);
        assertThat(e.getCause()).isNull();
    }
}
