package org.rekey.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rekey.application.testing.Fixtures.OPERATOR;
import static org.rekey.domain.error.RekeyAssertions.assertRejected;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rekey.application.port.in.credential.CreateCredentialCommand;
import org.rekey.application.port.in.credential.CredentialView;
import org.rekey.application.port.in.credential.UpdateCredentialCommand;
import org.rekey.application.port.in.key.DataKeyView;
import org.rekey.application.port.in.key.ListDataKeysQuery;
import org.rekey.application.testing.Fixtures;
import org.rekey.application.testing.InMemoryStore;
import org.rekey.application.testing.MutableClock;
import org.rekey.application.testing.TestServices;
import org.rekey.domain.error.ErrorCode;
import org.rekey.domain.key.DataKeyId;
import org.rekey.domain.key.StoredValue;
import org.rekey.domain.record.RecordId;

/** The seed document's story, end to end over the in-memory store: enable, write, rotate, read, update. */
class RotationWalkthroughTest {

    private static final String JSON = Fixtures.JSON;
    private final InMemoryStore store = new InMemoryStore();
    private final MutableClock clock = new MutableClock();
    private TestServices rekey;
    private TestServices other;

    @AfterEach
    void close() {
        if (rekey != null) {
            rekey.close();
        }
        if (other != null) {
            other.close();
        }
    }

    @Test
    void enable_write_rotate_read_update_movesTheRecordToTheNewKey() {
        rekey = TestServices.builder().store(store).clock(clock).build();
        TestServices api = rekey;
        assertThat(api.keys().listDataKeys().listDataKeys(ListDataKeysQuery.all()).items())
                .as("start-up seeded the legacy row and one active key").hasSize(2)
                .filteredOn(k -> k.status().equals("active")).hasSize(1);
        String firstKey = activeKeyId(api);

        CredentialView created = api.credentials().createCredential().createCredential(
                new CreateCredentialCommand("github", "oauth", JSON));
        assertThat(created.keyId()).contains(firstKey);

        clock.advance(Duration.ofMinutes(5));
        DataKeyView rotated = api.keys().rotateDataKey().rotateDataKey(OPERATOR);
        assertThat(rotated.id()).isNotEqualTo(firstKey);
        assertThat(statuses(api)).containsEntry(firstKey, "inactive").containsEntry(rotated.id(), "active");

        RecordId id = new RecordId(created.id());
        CredentialView read = api.credentials().getCredential().getCredential(id, true);
        assertThat(read.data()).contains(JSON);
        assertThat(read.keyId()).as("rotation is O(1): the record is not touched").contains(firstKey);
        assertThat(api.keys().showDataKey().showDataKey(new DataKeyId(firstKey)).recordCount()).isEqualTo(1);

        clock.advance(Duration.ofMinutes(5));
        CredentialView updated = api.credentials().updateCredential().updateCredential(new UpdateCredentialCommand(id,
                Optional.of("github (renamed)"), Optional.empty(), Optional.empty()));
        assertThat(updated.keyId()).as("lazy re-encryption on update").contains(rotated.id());
        assertThat(api.credentials().getCredential().getCredential(id, true).data()).contains(JSON);
        assertThat(api.keys().showDataKey().showDataKey(new DataKeyId(firstKey)).recordCount()).isZero();
        assertThat(api.keys().showDataKey().showDataKey(new DataKeyId(rotated.id())).recordCount()).isEqualTo(1);

        CredentialView later = api.credentials().createCredential().createCredential(
                new CreateCredentialCommand("slack", "oauth", JSON));
        assertThat(later.keyId()).contains(rotated.id());
    }

    @Test
    void legacyRecordsWrittenBeforeRotationWasEnabled_stayReadable_andMoveOnUpdate() {
        rekey = TestServices.builder().store(store).rotationEnabled(false).build();
        CredentialView legacy = rekey.credentials().createCredential().createCredential(
                new CreateCredentialCommand("old", "t", JSON));
        assertThat(legacy.keyId()).isEmpty();

        other = TestServices.builder().store(store).rotationEnabled(true).build();
        TestServices api = other;
        RecordId id = new RecordId(legacy.id());
        assertThat(api.credentials().getCredential().getCredential(id, true).data()).contains(JSON);
        assertThat(api.keys().listDataKeys().listDataKeys(ListDataKeysQuery.all()).legacyRecordCount()).isEqualTo(1);

        CredentialView moved = api.credentials().updateCredential().updateCredential(new UpdateCredentialCommand(id,
                Optional.empty(), Optional.of("{\"new\":true}"), Optional.empty()));

        assertThat(moved.keyId()).contains(activeKeyId(api));
        assertThat(api.credentials().getCredential().getCredential(id, true).data()).contains("{\"new\":true}");
    }

    @Test
    void aSecondMainStartingLater_seedsNothing_andUsesTheSameActiveKey() {
        rekey = TestServices.builder().store(store).build();
        other = TestServices.builder().store(store).build();

        assertThat(store.loadDataKeys()).hasSize(2);
        assertThat(activeKeyId(other)).isEqualTo(activeKeyId(rekey));
    }

    @Test
    void rotationOff_writesLegacyValues_andStillReadsValuesThatNameAKey() {
        rekey = TestServices.builder().store(store).rotationEnabled(true).build();
        CredentialView keyed = rekey.credentials().createCredential().createCredential(
                new CreateCredentialCommand("keyed", "t", JSON));
        String keyedValue = rekey.values().encryptValue().encryptValue("plain text");

        other = TestServices.builder().store(store).rotationEnabled(false).build();
        TestServices off = other;
        CredentialView legacy = off.credentials().createCredential().createCredential(
                new CreateCredentialCommand("legacy", "t", JSON));
        String legacyValue = off.values().encryptValue().encryptValue("plain text");

        assertThat(legacy.keyId()).isEmpty();
        assertThat(StoredValue.parse(legacyValue).isLegacy()).isTrue();
        assertThat(other.instanceKey().decryptLegacy(legacyValue)).isEqualTo("plain text");
        assertThat(off.credentials().getCredential().getCredential(new RecordId(keyed.id()), true).data()).contains(JSON);
        assertThat(off.values().decryptValue().decryptValue(keyedValue)).isEqualTo("plain text");
        assertThat(off.settings().moduleSettings().moduleSettings().rotationEnabled()).isFalse();
        assertRejected(ErrorCode.ROTATION_DISABLED, () -> off.keys().rotateDataKey().rotateDataKey(OPERATOR));
    }

    @Test
    void rotationOff_updatingAKeyedRecord_writesItBackInTheLegacyFormat() {
        rekey = TestServices.builder().store(store).rotationEnabled(true).build();
        CredentialView keyed = rekey.credentials().createCredential().createCredential(
                new CreateCredentialCommand("keyed", "t", JSON));
        other = TestServices.builder().store(store).rotationEnabled(false).build();
        RecordId id = new RecordId(keyed.id());

        CredentialView updated = other.credentials().updateCredential().updateCredential(new UpdateCredentialCommand(id,
                Optional.of("renamed"), Optional.empty(), Optional.empty()));

        assertThat(updated.keyId()).isEmpty();
        assertThat(other.instanceKey().decryptLegacy(store.loadRecord(id).orElseThrow().data())).isEqualTo(JSON);
    }

    private static String activeKeyId(TestServices api) {
        return api.keys().listDataKeys().listDataKeys(ListDataKeysQuery.all()).items().stream()
                .filter(k -> k.status().equals("active")).findFirst().orElseThrow().id();
    }

    private static Map<String, String> statuses(TestServices api) {
        return api.keys().listDataKeys().listDataKeys(ListDataKeysQuery.all()).items().stream()
                .collect(Collectors.toMap(DataKeyView::id, DataKeyView::status));
    }
}
