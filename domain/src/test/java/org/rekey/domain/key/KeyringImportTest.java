package org.rekey.domain.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rekey.domain.error.RekeyAssertions.assertRejected;
import static org.rekey.domain.key.KeyringFixtures.INSTANCE_KEY;
import static org.rekey.domain.key.KeyringFixtures.OTHER_INSTANCE_KEY;
import static org.rekey.domain.key.KeyringFixtures.RANDOM;
import static org.rekey.domain.key.KeyringFixtures.T0;
import static org.rekey.domain.key.KeyringFixtures.T1;
import static org.rekey.domain.key.KeyringFixtures.active;
import static org.rekey.domain.key.KeyringFixtures.seeded;
import static org.rekey.domain.key.KeyringFixtures.withStatus;

import org.junit.jupiter.api.Test;
import org.rekey.domain.error.ErrorCode;

/** Importing a key exported from n8n (a deployment_key row) that shares this instance key. */
class KeyringImportTest {

    /** Another deployment under the same instance key: its keys are importable here. */
    private final Keyring elsewhere = Keyring.seed(INSTANCE_KEY, T0, RANDOM);

    @Test
    void importKey_inactive_addsADecryptOnlyKey_andKeepsTheActiveOne() {
        Keyring keyring = seeded();
        DataKey foreign = withStatus(active(elsewhere), KeyStatus.INACTIVE);
        String valueFromElsewhere = elsewhere.encrypt("from n8n", WriteFormat.ACTIVE_KEY);

        Keyring.KeyChange change = keyring.importKey(foreign, T1);

        assertThat(change.changed()).containsExactly(foreign);
        assertThat(change.activated()).isEmpty();
        assertThat(active(change.keyring())).isEqualTo(active(keyring));
        assertThat(change.keyring().decrypt(valueFromElsewhere)).isEqualTo("from n8n");
    }

    @Test
    void importKey_active_demotesTheCurrentActiveKey() {
        Keyring keyring = seeded();
        DataKey previous = active(keyring);
        DataKey foreign = active(elsewhere);

        Keyring.KeyChange change = keyring.importKey(foreign, T1);

        assertThat(active(change.keyring()).id()).isEqualTo(foreign.id());
        assertThat(change.keyring().key(previous.id()).status()).isEqualTo(KeyStatus.INACTIVE);
        assertThat(change.keyring().key(previous.id()).updatedAt()).isEqualTo(T1);
        assertThat(change.keyring().keys()).filteredOn(DataKey::isActive).hasSize(1);
        assertThat(change.changed()).extracting(DataKey::id).containsExactlyInAnyOrder(previous.id(), foreign.id());
        assertThat(change.keyring().encrypt("x", WriteFormat.ACTIVE_KEY)).startsWith(foreign.id() + ":");
    }

    @Test
    void importKey_withAnIdThatExists_failsWithDuplicateId() {
        Keyring keyring = seeded();
        DataKey existing = active(keyring);
        DataKey sameId = DataKey.reconstitute(existing.id(), KeyType.DATA_ENCRYPTION, KeyAlgorithm.AES_256_GCM,
                KeyStatus.INACTIVE, active(elsewhere).wrappedValue(), T0, T0);

        assertRejected(ErrorCode.DUPLICATE_ID, () -> keyring.importKey(sameId, T1));
        assertThat(active(keyring)).isEqualTo(existing);
    }

    @Test
    void importKey_wrappedUnderAnotherInstanceKey_failsWithWrongInstanceKey() {
        Keyring foreignDeployment = Keyring.seed(OTHER_INSTANCE_KEY, T0, RANDOM);

        assertRejected(ErrorCode.WRONG_INSTANCE_KEY, () -> seeded().importKey(active(foreignDeployment), T1));
    }

    @Test
    void importKey_destroyed_isRejectedAsInvalid() {
        DataKey tombstone = DataKey.reconstitute(new DataKeyId("tomb"), KeyType.DATA_ENCRYPTION,
                KeyAlgorithm.AES_256_GCM, KeyStatus.DESTROYED, "", T0, T0);

        assertRejected(ErrorCode.INVALID_INPUT, () -> seeded().importKey(tombstone, T1));
    }

    @Test
    void importKey_intoAnEmptyKeyring_failsWithNoActiveKey() {
        assertRejected(ErrorCode.NO_ACTIVE_KEY, () -> Keyring.empty(INSTANCE_KEY).importKey(active(elsewhere), T1));
    }

    @Test
    void importKey_ofALegacyCbcRow_decryptsValuesNamingIt() {
        Keyring keyring = seeded();
        DataKey row = KeyringFixtures.legacyRow(elsewhere);
        String value = row.id() + ":" + INSTANCE_KEY.encryptLegacy("old n8n value");

        Keyring.KeyChange change = keyring.importKey(row, T1);

        assertThat(change.keyring().decrypt(value)).isEqualTo("old n8n value");
    }

    @Test
    void importKeys_intoAnEmptyKeyring_takeThePlaceOfSeeding_keepingTheirDates() {
        Keyring keyring = Keyring.empty(INSTANCE_KEY);
        String valueFromN8n = elsewhere.encrypt("from n8n", WriteFormat.ACTIVE_KEY);

        Keyring.KeyChange change = keyring.importKeys(elsewhere.keys(), T1);

        assertThat(change.changed()).containsExactlyElementsOf(elsewhere.keys());
        assertThat(change.keyring().keys()).containsExactlyInAnyOrderElementsOf(elsewhere.keys());
        assertThat(change.keyring().keys()).allSatisfy(k -> assertThat(k.createdAt()).isEqualTo(T0));
        assertThat(change.keyring().decrypt(valueFromN8n)).isEqualTo("from n8n");
    }

    @Test
    void importKeys_intoAnEmptyKeyring_withoutAnActiveRow_isRefused() {
        DataKey inactive = withStatus(active(elsewhere), KeyStatus.INACTIVE);

        assertRejected(ErrorCode.NO_ACTIVE_KEY,
                () -> Keyring.empty(INSTANCE_KEY).importKeys(java.util.List.of(inactive), T1));
    }

    @Test
    void importKeys_intoAnEmptyKeyring_underAnotherInstanceKey_isWrongInstanceKey() {
        Keyring foreign = Keyring.seed(OTHER_INSTANCE_KEY, T0, RANDOM);

        assertRejected(ErrorCode.WRONG_INSTANCE_KEY, () -> Keyring.empty(INSTANCE_KEY).importKeys(foreign.keys(), T1));
    }

    @Test
    void importKeys_withTwoActiveRows_isRefused() {
        Keyring other = Keyring.seed(INSTANCE_KEY, T0, RANDOM);

        assertRejected(ErrorCode.INVALID_INPUT, () -> seeded().importKeys(
                java.util.List.of(active(elsewhere), active(other)), T1));
    }

    @Test
    void importKeys_intoAKeyringWithKeys_importsEach_demotingTheActiveOnce() {
        Keyring keyring = seeded();
        DataKey previous = active(keyring);

        Keyring.KeyChange change = keyring.importKeys(elsewhere.keys(), T1);

        assertThat(active(change.keyring()).id()).isEqualTo(active(elsewhere).id());
        assertThat(change.keyring().key(previous.id()).status()).isEqualTo(KeyStatus.INACTIVE);
        assertThat(change.changed()).extracting(DataKey::id).doesNotHaveDuplicates().hasSize(3);
    }
}
