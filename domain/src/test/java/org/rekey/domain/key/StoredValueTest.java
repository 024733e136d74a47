package org.rekey.domain.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rekey.domain.error.RekeyAssertions.assertRejected;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rekey.domain.crypto.FormatVectors;
import org.rekey.domain.error.ErrorCode;
import org.rekey.domain.error.RekeyException;

/** The parse rules of a stored record value (docs/FORMAT.md §3): keyed, legacy, or malformed. */
class StoredValueTest {

    @Test
    void parse_keyIdColonCiphertext_namesTheKey() {
        StoredValue value = StoredValue.parse(FormatVectors.DATA_KEY_ID + ":" + FormatVectors.GCM_1);

        assertThat(value.keyId()).contains(new DataKeyId(FormatVectors.DATA_KEY_ID));
        assertThat(value.ciphertext()).isEqualTo(FormatVectors.GCM_1);
        assertThat(value.isLegacy()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "Z", "0", "_", "-", "key_with-dashes_09", "123456789012345678901234567890123456"})
    void parse_acceptsEveryIdOf1To36AllowedCharacters(String id) {
        StoredValue value = StoredValue.parse(id + ":abc=");

        assertThat(value.keyId()).contains(new DataKeyId(id));
        assertThat(value.ciphertext()).isEqualTo("abc=");
    }

    @Test
    void parse_withoutColon_isLegacy() {
        StoredValue value = StoredValue.parse(FormatVectors.LEGACY_1);

        assertThat(value.isLegacy()).isTrue();
        assertThat(value.keyId()).isEmpty();
        assertThat(value.ciphertext()).isEqualTo(FormatVectors.LEGACY_1);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        ":abc",                                          // empty id
        "1234567890123456789012345678901234567:abc",     // 37-character id
        "bad id:abc",                                    // space
        "bad.id:abc",                                    // dot
        "clé:abc",                                       // outside [A-Za-z0-9_-]
        "key/1:abc",                                     // slash
        "AbCdEfGhIjKlMnOp:",                             // empty ciphertext
        "AbCdEfGhIjKlMnOp:abc:def",                      // second ':'
        "AbCdEfGhIjKlMnOp::abc",                         // second ':' right after the first
        ":",
        "",
    })
    void parse_rejectsMalformedValues(String value) {
        assertRejected(ErrorCode.MALFORMED_VALUE, () -> StoredValue.parse(value));
        assertThat(StoredValue.tryParse(value)).as("tryParse agrees with parse").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"AbCdEfGhIjKlMnOp:abc", "legacyWithoutColon", "a:b"})
    void tryParse_ofAWellFormedValue_isWhatParseGives(String value) {
        assertThat(StoredValue.tryParse(value)).contains(StoredValue.parse(value));
    }

    @Test
    void parse_rejectsNull() {
        assertThat(StoredValue.tryParse(null)).isEmpty();
        assertRejected(ErrorCode.MALFORMED_VALUE, () -> StoredValue.parse(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "bad id:SECRETCIPHERTEXTxyz",
        "1234567890123456789012345678901234567:SECRETCIPHERTEXTxyz",
        "AbCdEfGhIjKlMnOp:SECRETCIPHERTEXTxyz:more",
        "clé:SECRETCIPHERTEXTxyz",
    })
    void parseErrors_neverEchoTheValue(String value) {
        RekeyException e = assertRejected(ErrorCode.MALFORMED_VALUE, () -> StoredValue.parse(value));

        assertThat(e.getMessage()).doesNotContain("SECRETCIPHERTEXT").doesNotContain(value.substring(0, value.indexOf(':')));
    }

    @Test
    void text_isTheValueAsStored() {
        String keyed = FormatVectors.DATA_KEY_ID + ":" + FormatVectors.GCM_1;

        assertThat(StoredValue.parse(keyed).text()).isEqualTo(keyed);
        assertThat(StoredValue.parse(FormatVectors.LEGACY_1).text()).isEqualTo(FormatVectors.LEGACY_1);
        assertThat(new StoredValue(Optional.of(new DataKeyId("k1")), "abc=").text()).isEqualTo("k1:abc=");
    }

    @Test
    void keyed_rejectsAnEmptyCiphertext() {
        assertRejected(ErrorCode.MALFORMED_VALUE, () -> new StoredValue(Optional.of(new DataKeyId("k1")), ""));
        assertRejected(ErrorCode.MALFORMED_VALUE, () -> new StoredValue(Optional.empty(), null));
    }

    @Test
    void toString_showsTheKeyIdOnly() {
        StoredValue keyed = StoredValue.parse(FormatVectors.DATA_KEY_ID + ":" + FormatVectors.GCM_1);
        StoredValue legacy = StoredValue.parse(FormatVectors.LEGACY_1);

        assertThat(keyed.toString()).isEqualTo("StoredValue[keyId=" + FormatVectors.DATA_KEY_ID + "]");
        assertThat(legacy.toString()).isEqualTo("StoredValue[keyId=legacy]");
    }
}
