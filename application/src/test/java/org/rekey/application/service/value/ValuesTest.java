package org.rekey.application.service.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rekey.application.testing.Fixtures.OPERATOR;
import static org.rekey.domain.error.RekeyAssertions.assertRejected;

import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rekey.application.testing.TestServices;
import org.rekey.domain.error.ErrorCode;
import org.rekey.domain.key.KeyStatus;
import org.rekey.domain.key.StoredValue;
import org.rekey.domain.key.ValueFormat;
import org.rekey.domain.key.ValueInfo;

/** Encrypt, decrypt and inspect single values over the in-memory store. */
class ValuesTest {

    private final TestServices rekey = TestServices.builder().build();

    @AfterEach
    void close() {
        rekey.close();
    }

    @Test
    void encrypt_namesTheActiveKey_andDecryptReadsIt_evenWithSurroundingWhitespace() {
        String value = rekey.values().encryptValue().encryptValue("tëxt 🔑");

        assertThat(StoredValue.parse(value).keyId()).isEqualTo(rekey.keyring().current().activeKey().map(k -> k.id()));
        assertThat(rekey.values().decryptValue().decryptValue("  " + value + "\n")).isEqualTo("tëxt 🔑");
    }

    @Test
    void inspect_tellsFormatKeyAndStatus_ofAValueWhoseKeyWasRotatedAway() {
        String value = rekey.values().encryptValue().encryptValue("x");
        rekey.keys().rotateDataKey().rotateDataKey(OPERATOR);

        ValueInfo info = rekey.values().inspectValue().inspectValue(value);

        assertThat(info.format()).isEqualTo(ValueFormat.GCM_V1);
        assertThat(info.keyId()).isEqualTo(StoredValue.parse(value).keyId());
        assertThat(info.keyStatus()).contains(KeyStatus.INACTIVE);
    }

    @Test
    void inspect_ofALegacyValue_hasNoKey() {
        String legacy = rekey.instanceKey().encryptLegacy("x");

        assertThat(rekey.values().inspectValue().inspectValue(legacy))
                .isEqualTo(new ValueInfo(ValueFormat.LEGACY, Optional.empty(), Optional.empty()));
    }

    @Test
    void badValues_getClearErrors() {
        assertRejected(ErrorCode.MALFORMED_VALUE, () -> rekey.values().decryptValue().decryptValue("a:b:c"));
        assertRejected(ErrorCode.MALFORMED_VALUE, () -> rekey.values().decryptValue().decryptValue(null));
        assertRejected(ErrorCode.MALFORMED_VALUE, () -> rekey.values().inspectValue().inspectValue(""));
        assertRejected(ErrorCode.INVALID_INPUT, () -> rekey.values().encryptValue().encryptValue(null));
    }
}
