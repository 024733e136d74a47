package org.rekey.domain.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.rekey.domain.key.KeyringFixtures.OTHER_INSTANCE_KEY;
import static org.rekey.domain.key.KeyringFixtures.RANDOM;
import static org.rekey.domain.key.KeyringFixtures.T0;
import static org.rekey.domain.key.KeyringFixtures.T1;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rekey.domain.crypto.FormatVectors;
import org.rekey.domain.record.EncryptedRecord;
import org.rekey.domain.record.RecordId;

/**
 * No toString and no exception message shows key material (instance key, unwrapped data key as hex
 * or Base64), a wrapped value, a stored ciphertext or a plaintext.
 */
class SecretsNeverLeakTest {

    private static final String INSTANCE_KEY_STRING = "instance-key-that-must-not-leak-Q9x";
    private static final String PLAINTEXT = "{\"password\":\"plaintext-that-must-not-leak\"}";

    private final InstanceKey instanceKey = InstanceKey.of(INSTANCE_KEY_STRING);
    private final List<String> secrets = new ArrayList<>();
    private Keyring keyring;
    private String value;

    @BeforeEach
    void collectEverySecret() throws Exception {
        keyring = Keyring.seed(instanceKey, T0, RANDOM).rotate(T1, RANDOM).keyring();
        value = keyring.encrypt(PLAINTEXT, WriteFormat.ACTIVE_KEY);
        secrets.add(INSTANCE_KEY_STRING);
        secrets.add(PLAINTEXT);
        secrets.add("plaintext-that-must-not-leak");
        secrets.add(value.substring(value.indexOf(':') + 1));
        for (DataKey key : keyring.keys()) {
            secrets.add(key.wrappedValue());
            byte[] material = KeyringFixtures.unwrapIndependently(INSTANCE_KEY_STRING, key.wrappedValue());
            String text = new String(material, StandardCharsets.UTF_8);
            secrets.add(text);
            if (key.algorithm() == KeyAlgorithm.AES_256_GCM) {
                byte[] raw = java.util.HexFormat.of().parseHex(text);
                secrets.add(text.toUpperCase(java.util.Locale.ROOT));
                secrets.add(Base64.getEncoder().encodeToString(raw));
                secrets.add(java.util.Arrays.toString(raw));
            }
        }
    }

    @Test
    void toStrings_showNoSecret() {
        EncryptedRecord record = EncryptedRecord.create(new RecordId("rec1"), "name", "type", PLAINTEXT, keyring,
                WriteFormat.ACTIVE_KEY, T1);
        List<Object> holders = new ArrayList<>(List.of(instanceKey, keyring, record, StoredValue.parse(value),
                StoredValue.parse(record.data()), keyring.rotate(T1, RANDOM),
                keyring.inspect(value), SecretAccess.granted()));
        holders.addAll(keyring.keys());
        for (DataKey key : keyring.keys()) {
            holders.add(UnwrappedKey.unwrap(instanceKey, key));
        }

        for (Object holder : holders) {
            assertNoSecretIn(holder.toString());
        }
    }

    @Test
    void toStrings_sayWhatTheHolderIs() {
        DataKey active = keyring.activeKey().orElseThrow();

        assertThat(instanceKey).hasToString("InstanceKey[redacted]");
        assertThat(active).hasToString("DataKey[id=" + active.id() + ", status=active]");
        assertThat(keyring).hasToString("Keyring[keys=3, active=" + active.id() + "]");
    }

    @Test
    void decryptFailures_showNoSecret() {
        String ciphertext = value.substring(value.indexOf(':') + 1);
        byte[] raw = Base64.getDecoder().decode(ciphertext);
        raw[60] ^= 1;
        String flipped = value.substring(0, value.indexOf(':') + 1) + Base64.getEncoder().encodeToString(raw);
        Keyring foreign = Keyring.seed(OTHER_INSTANCE_KEY, T0, RANDOM);
        String wrongInstanceKeyLegacy = OTHER_INSTANCE_KEY.encryptLegacy(PLAINTEXT);
        DataKey active = keyring.activeKey().orElseThrow();

        List<ThrowingCallable> failures = List.of(
                () -> keyring.decrypt(flipped),
                () -> keyring.decrypt(value.replace(":", "::")),
                () -> keyring.decrypt(value.substring(0, value.length() - 8)),
                () -> keyring.decrypt("x:" + ciphertext),
                () -> keyring.decrypt(wrongInstanceKeyLegacy),
                () -> foreign.decrypt(value),
                () -> Keyring.reconstitute(OTHER_INSTANCE_KEY, keyring.keys()),
                () -> OTHER_INSTANCE_KEY.unwrap(active.id(), active.wrappedValue()),
                () -> keyring.importKey(active, T1),
                () -> InstanceKey.of(" "),
                () -> StoredValue.parse("bad key:" + ciphertext));

        for (ThrowingCallable failure : failures) {
            Throwable thrown = catchThrowable(failure);
            assertThat(thrown).isNotNull();
            for (Throwable t = thrown; t != null; t = t.getCause()) {
                assertNoSecretIn(String.valueOf(t.getMessage()));
                assertNoSecretIn(t.toString());
            }
        }
    }

    @Test
    void legacyFormatVectors_doNotAppearInMessagesEither() {
        Throwable thrown = catchThrowable(() -> keyring.decrypt(FormatVectors.LEGACY_1));

        assertThat(thrown.getMessage()).doesNotContain(FormatVectors.LEGACY_1).doesNotContain("random-string");
    }

    private void assertNoSecretIn(String text) {
        for (String secret : secrets) {
            assertThat(text).as("text shown: %s", text).doesNotContain(secret);
        }
    }
}
