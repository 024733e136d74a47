package org.rekey.domain.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rekey.domain.error.RekeyAssertions.assertRejected;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.rekey.domain.crypto.FormatVectors;
import org.rekey.domain.error.ErrorCode;
import org.rekey.domain.error.RekeyException;
import org.rekey.domain.key.DataKey;
import org.rekey.domain.key.InstanceKey;
import org.rekey.domain.key.Keyring;
import org.rekey.domain.key.WriteFormat;

/** A stored credential: encrypted on create, re-encrypted under the active key on every update. */
class EncryptedRecordTest {

    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    private static final Instant T1 = Instant.parse("2025-03-02T10:00:00Z");
    private static final Instant T2 = Instant.parse("2025-03-03T10:00:00Z");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String DATA = "{\"user\":\"admin\",\"password\":\"hunter2\"}";

    private final Keyring keyring = Keyring.seed(InstanceKey.of(FormatVectors.INSTANCE_KEY_2), T0, RANDOM);
    private final RecordId id = RecordId.generate(RANDOM);

    @Test
    void create_encryptsTheDataUnderTheActiveKey() {
        EncryptedRecord record = EncryptedRecord.create(id, "Postgres prod", "postgres", DATA, keyring,
                WriteFormat.ACTIVE_KEY, T0);

        assertThat(record.keyId()).contains(activeKey().id());
        assertThat(record.data()).startsWith(activeKey().id() + ":").doesNotContain("hunter2");
        assertThat(record.decryptData(keyring)).isEqualTo(DATA);
        assertThat(record.isOnActiveKey(keyring)).isTrue();
        assertThat(record.version()).isZero();
        assertThat(record.createdAt()).isEqualTo(T0);
        assertThat(record.updatedAt()).isEqualTo(T0);
        assertThat(record.name()).isEqualTo("Postgres prod");
        assertThat(record.type()).isEqualTo("postgres");
    }

    @Test
    void create_inLegacyFormat_namesNoKey() {
        EncryptedRecord record = EncryptedRecord.create(id, "n", "t", DATA, keyring, WriteFormat.LEGACY, T0);

        assertThat(record.keyId()).isEmpty();
        assertThat(record.isOnActiveKey(keyring)).isFalse();
        assertThat(record.decryptData(keyring)).isEqualTo(DATA);
    }

    @Test
    void update_afterRotation_movesTheRecordToTheNewActiveKey() {
        EncryptedRecord record = EncryptedRecord.create(id, "n", "t", DATA, keyring, WriteFormat.ACTIVE_KEY, T0);
        Keyring rotated = keyring.rotate(T1, RANDOM).keyring();
        assertThat(record.isOnActiveKey(rotated)).isFalse();

        EncryptedRecord updated = record.update(Optional.of("renamed"), Optional.empty(), rotated,
                WriteFormat.ACTIVE_KEY, T2);

        assertThat(updated.isOnActiveKey(rotated)).isTrue();
        assertThat(updated.keyId()).contains(rotated.activeKey().orElseThrow().id());
        assertThat(updated.decryptData(rotated)).isEqualTo(DATA);
        assertThat(updated.name()).isEqualTo("renamed");
        assertThat(updated.type()).isEqualTo("t");
        assertThat(updated.updatedAt()).isEqualTo(T2);
        assertThat(updated.createdAt()).isEqualTo(T0);
        assertThat(updated.version()).isEqualTo(record.version());
        assertThat(updated.id()).isEqualTo(record.id());
    }

    @Test
    void update_withoutAnyChange_stillReencryptsUnderTheActiveKey() {
        EncryptedRecord legacy = EncryptedRecord.create(id, "n", "t", DATA, keyring, WriteFormat.LEGACY, T0);

        EncryptedRecord updated = legacy.update(Optional.empty(), Optional.empty(), keyring, WriteFormat.ACTIVE_KEY, T1);

        assertThat(updated.isOnActiveKey(keyring)).isTrue();
        assertThat(updated.name()).isEqualTo("n");
        assertThat(updated.decryptData(keyring)).isEqualTo(DATA);
    }

    @Test
    void update_withNewData_encryptsTheNewData() {
        EncryptedRecord record = EncryptedRecord.create(id, "n", "t", DATA, keyring, WriteFormat.ACTIVE_KEY, T0);

        EncryptedRecord updated = record.update(Optional.empty(), Optional.of("{\"password\":\"new\"}"), keyring,
                WriteFormat.ACTIVE_KEY, T1);

        assertThat(updated.decryptData(keyring)).isEqualTo("{\"password\":\"new\"}");
        assertThat(updated.data()).isNotEqualTo(record.data());
    }

    @Test
    void update_withAnInvalidName_isRejected_andTheRecordIsUnchanged() {
        EncryptedRecord record = EncryptedRecord.create(id, "n", "t", DATA, keyring, WriteFormat.ACTIVE_KEY, T0);

        assertRejected(ErrorCode.INVALID_INPUT, () -> record.update(Optional.of(" "), Optional.empty(), keyring,
                WriteFormat.ACTIVE_KEY, T1));
        assertThat(record.name()).isEqualTo("n");
    }

    @Test
    void reencrypt_movesToTheActiveKey_keepingUpdatedAt() {
        EncryptedRecord record = EncryptedRecord.create(id, "n", "t", DATA, keyring, WriteFormat.ACTIVE_KEY, T0);
        Keyring rotated = keyring.rotate(T1, RANDOM).keyring();

        EncryptedRecord moved = record.reencrypt(rotated, WriteFormat.ACTIVE_KEY);

        assertThat(moved.isOnActiveKey(rotated)).isTrue();
        assertThat(moved.updatedAt()).isEqualTo(T0);
        assertThat(moved.decryptData(rotated)).isEqualTo(DATA);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "\t"})
    void create_withoutANameOrType_isRejected(String blank) {
        assertRejected(ErrorCode.INVALID_INPUT,
                () -> EncryptedRecord.create(id, blank, "t", DATA, keyring, WriteFormat.ACTIVE_KEY, T0));
        assertRejected(ErrorCode.INVALID_INPUT,
                () -> EncryptedRecord.create(id, "n", blank, DATA, keyring, WriteFormat.ACTIVE_KEY, T0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "\u0000", "line\nbreak", "tab\there", "esc\u001b[31m", "del\u007f",
        "c1\u0085", "lone \ud800 surrogate", "reversed \udc00\ud800"})
    void nameOrType_withControlCharactersOrBrokenUnicode_isRejected_byEveryWayIn(String bad) {
        assertRejected(ErrorCode.INVALID_INPUT,
                () -> EncryptedRecord.create(id, bad, "t", DATA, keyring, WriteFormat.ACTIVE_KEY, T0));
        assertRejected(ErrorCode.INVALID_INPUT,
                () -> EncryptedRecord.create(id, "n", bad, DATA, keyring, WriteFormat.ACTIVE_KEY, T0));
        assertRejected(ErrorCode.INVALID_INPUT,
                () -> EncryptedRecord.importEncrypted(id, bad, "t", FormatVectors.LEGACY_1, T0, T0));
        assertRejected(ErrorCode.INVALID_INPUT,
                () -> EncryptedRecord.importEncrypted(id, "n", bad, FormatVectors.LEGACY_1, T0, T0));
        EncryptedRecord record = EncryptedRecord.create(id, "n", "t", DATA, keyring, WriteFormat.ACTIVE_KEY, T0);
        assertRejected(ErrorCode.INVALID_INPUT,
                () -> record.update(Optional.of(bad), Optional.empty(), keyring, WriteFormat.ACTIVE_KEY, T1));
    }

    @Test
    void nameWithAControlCharacter_isRejectedWithAMessageSayingWhichAndWhere() {
        assertThatThrownBy(() -> EncryptedRecord.create(id, "ab\u0000", "t", DATA, keyring, WriteFormat.ACTIVE_KEY, T0))
                .hasMessage("a credential's name must not contain control characters (found U+0000 at position 3)");
    }

    @Test
    void nameOrType_withUnicodeBeyondTheBasicPlane_isAccepted() {
        EncryptedRecord record = EncryptedRecord.create(id, "k\u00e9y \ud83d\udd11", "\u6f22\u5b57", DATA, keyring,
                WriteFormat.ACTIVE_KEY, T0);

        assertThat(record.name()).isEqualTo("k\u00e9y \ud83d\udd11");
        assertThat(record.type()).isEqualTo("\u6f22\u5b57");
    }

    @Test
    void create_acceptsNamesAndTypesUpTo128Characters_andRejectsLonger() {
        String max = "x".repeat(EncryptedRecord.MAX_NAME_LENGTH);
        String tooLong = max + "x";

        assertThat(EncryptedRecord.create(id, max, max, DATA, keyring, WriteFormat.ACTIVE_KEY, T0).name()).isEqualTo(max);
        assertRejected(ErrorCode.INVALID_INPUT,
                () -> EncryptedRecord.create(id, tooLong, "t", DATA, keyring, WriteFormat.ACTIVE_KEY, T0));
        assertRejected(ErrorCode.INVALID_INPUT,
                () -> EncryptedRecord.create(id, "n", tooLong, DATA, keyring, WriteFormat.ACTIVE_KEY, T0));
    }

    @Test
    void importEncrypted_keepsTheDataAsItIs() {
        String n8nValue = FormatVectors.LEGACY_N8N;

        EncryptedRecord imported = EncryptedRecord.importEncrypted(id, "from n8n", "httpBasicAuth", n8nValue, T0, T1);

        assertThat(imported.data()).isEqualTo(n8nValue);
        assertThat(imported.keyId()).isEmpty();
        assertThat(imported.createdAt()).isEqualTo(T0);
        assertThat(imported.updatedAt()).isEqualTo(T1);
        assertThat(imported.decryptData(Keyring.empty(InstanceKey.of(FormatVectors.INSTANCE_KEY_1))))
                .isEqualTo("random-string");
    }

    @Test
    void importEncrypted_ofAMalformedValue_orABlankName_isRejected() {
        assertRejected(ErrorCode.MALFORMED_VALUE,
                () -> EncryptedRecord.importEncrypted(id, "n", "t", "bad id:abc", T0, T0));
        assertRejected(ErrorCode.INVALID_INPUT,
                () -> EncryptedRecord.importEncrypted(id, "", "t", FormatVectors.LEGACY_1, T0, T0));
    }

    @Test
    void reconstitute_keepsWhatWasStored_includingTheVersion() {
        EncryptedRecord record = EncryptedRecord.reconstitute(id, "n", "t", FormatVectors.LEGACY_1, 7, T0, T1);

        assertThat(record.version()).isEqualTo(7);
        assertThat(record.data()).isEqualTo(FormatVectors.LEGACY_1);
        assertThat(record).isEqualTo(EncryptedRecord.reconstitute(id, "n", "t", FormatVectors.LEGACY_1, 7, T0, T1));
        assertThat(record).isNotEqualTo(EncryptedRecord.reconstitute(id, "n", "t", FormatVectors.LEGACY_1, 8, T0, T1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Act1veKeyId00001:abc:def", ":abc", "bad id:abc", "Act1veKeyId00001:"})
    void aMalformedStoredValue_namesNoKey_andOnlyReadingItsDataFails_namingTheRecord(String broken) {
        EncryptedRecord record = EncryptedRecord.reconstitute(id, "n", "t", broken, 1, T0, T0);

        assertThat(record.keyId()).isEmpty();
        assertThat(record.valueShape()).isEqualTo(ValueShape.MALFORMED);
        assertThatThrownBy(() -> record.decryptData(keyring)).isInstanceOf(RekeyException.class)
                .hasMessageContaining("credential " + id.value())
                .satisfies(e -> assertThat(((RekeyException) e).code()).isEqualTo(ErrorCode.MALFORMED_STORED_VALUE));
        assertRejected(ErrorCode.MALFORMED_STORED_VALUE,
                () -> record.update(Optional.of("renamed"), Optional.empty(), keyring, WriteFormat.ACTIVE_KEY, T1));
        assertThat(record.update(Optional.empty(), Optional.of(DATA), keyring, WriteFormat.ACTIVE_KEY, T1)
                .decryptData(keyring)).isEqualTo(DATA);
    }

    @Test
    void valueShape_tellsLegacyFromDataKeyValues() {
        assertThat(EncryptedRecord.create(id, "n", "t", DATA, keyring, WriteFormat.LEGACY, T0).valueShape())
                .isEqualTo(ValueShape.LEGACY);
        assertThat(EncryptedRecord.create(id, "n", "t", DATA, keyring, WriteFormat.ACTIVE_KEY, T0).valueShape())
                .isEqualTo(ValueShape.DATA_KEY);
    }

    @Test
    void aStoredValueThatDoesNotDecode_failsAsMalformedStoredValue_notAsTheCallersFault() {
        EncryptedRecord record = EncryptedRecord.reconstitute(id, "n", "t", "not base64 !", 1, T0, T0);

        assertThat(record.valueShape()).isEqualTo(ValueShape.LEGACY);
        assertRejected(ErrorCode.MALFORMED_STORED_VALUE, () -> record.decryptData(keyring));
    }

    @Test
    void recordId_followsN8nsIdRules() {
        assertThat(RecordId.generate(RANDOM).value()).matches("[A-Za-z0-9]{16}");
        assertThat(new RecordId("abc-DEF_123")).hasToString("abc-DEF_123");
        assertRejected(ErrorCode.INVALID_INPUT, () -> new RecordId("has space"));
        assertRejected(ErrorCode.INVALID_INPUT, () -> new RecordId("x".repeat(37)));
        assertRejected(ErrorCode.INVALID_INPUT, () -> new RecordId(null));
    }

    private DataKey activeKey() {
        return keyring.activeKey().orElseThrow();
    }
}
