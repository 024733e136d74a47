package org.rekey.application.service.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rekey.application.testing.Fixtures.OPERATOR;
import static org.rekey.domain.error.RekeyAssertions.assertRejected;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rekey.application.port.in.credential.CreateCredentialCommand;
import org.rekey.application.port.in.key.DataKeyPage;
import org.rekey.application.port.in.key.DataKeyView;
import org.rekey.application.port.in.key.ImportDataKeyCommand;
import org.rekey.application.port.in.key.KeySort;
import org.rekey.application.port.in.key.ListDataKeysQuery;
import org.rekey.application.port.in.maintenance.ProgressListener;
import org.rekey.application.testing.Fixtures;
import org.rekey.application.testing.InMemoryStore;
import org.rekey.application.testing.MutableClock;
import org.rekey.application.testing.TestServices;
import org.rekey.domain.error.ErrorCode;
import org.rekey.domain.key.DataKey;
import org.rekey.domain.key.DataKeyId;
import org.rekey.domain.key.InstanceKey;
import org.rekey.domain.key.KeyStatus;
import org.rekey.domain.key.Keyring;
import org.rekey.domain.key.WriteFormat;

/** Listing, showing, importing and destroying keys over the in-memory store. */
class KeyManagementTest {

    private final InMemoryStore store = new InMemoryStore();
    private final MutableClock clock = new MutableClock();
    private final TestServices rekey = TestServices.builder().store(store).clock(clock).build();

    @AfterEach
    void close() {
        rekey.close();
    }

    @Test
    void list_sortsFiltersAndPages_andCountsOverAllPages() {
        clock.advance(Duration.ofHours(1));
        String second = rekey.keys().rotateDataKey().rotateDataKey(OPERATOR).id();
        clock.advance(Duration.ofHours(1));
        String third = rekey.keys().rotateDataKey().rotateDataKey(OPERATOR).id();

        DataKeyPage newestFirst = rekey.keys().listDataKeys().listDataKeys(new ListDataKeysQuery(0, 2, Optional.empty(),
                KeySort.DEFAULT, Optional.empty(), Optional.empty()));
        assertThat(newestFirst.count()).isEqualTo(4);
        assertThat(newestFirst.items()).extracting(DataKeyView::id).containsExactly(third, second);

        DataKeyPage activatedLater = rekey.keys().listDataKeys().listDataKeys(new ListDataKeysQuery(0, null, Optional.empty(),
                KeySort.parse("createdAt:asc"), Optional.of(MutableClock.DEFAULT_START.plusSeconds(1)),
                Optional.empty()));
        assertThat(activatedLater.items()).extracting(DataKeyView::id).containsExactly(second, third);

        DataKeyPage byStatus = rekey.keys().listDataKeys().listDataKeys(new ListDataKeysQuery(0, 1, Optional.empty(),
                KeySort.parse("status:asc"), Optional.empty(), Optional.empty()));
        assertThat(byStatus.items()).extracting(DataKeyView::status).containsExactly("active");
    }

    @Test
    void list_andShow_countTheRecordsUsingEachKey() {
        String first = activeKey();
        rekey.credentials().createCredential().createCredential(new CreateCredentialCommand("a", "t", Fixtures.JSON));
        rekey.credentials().createCredential().createCredential(new CreateCredentialCommand("b", "t", Fixtures.JSON));
        store.insertRecord(Fixtures.record("legacy", Fixtures.JSON, rekey.keyring().current(), WriteFormat.LEGACY, 0));

        DataKeyPage page = rekey.keys().listDataKeys().listDataKeys(ListDataKeysQuery.all());

        assertThat(page.legacyRecordCount()).isEqualTo(1);
        assertThat(page.items()).filteredOn(k -> k.id().equals(first)).singleElement()
                .satisfies(k -> assertThat(k.recordCount()).isEqualTo(2));
        assertThat(rekey.keys().showDataKey().showDataKey(new DataKeyId(first)).recordCount()).isEqualTo(2);
        assertRejected(ErrorCode.KEY_NOT_FOUND, () -> rekey.keys().showDataKey().showDataKey(new DataKeyId("nope")));
    }

    @Test
    void importingAnActiveN8nKey_demotesTheCurrentOne_andReadsWhatThatKeyWrote() {
        String current = activeKey();
        Keyring n8n = Keyring.seed(rekey.instanceKey(), Fixtures.T0, Fixtures.RANDOM);
        DataKey exported = n8n.activeKey().orElseThrow();
        String writtenByN8n = n8n.encrypt(Fixtures.JSON, WriteFormat.ACTIVE_KEY);

        DataKeyView imported = rekey.keys().importDataKey().importDataKey(new ImportDataKeyCommand(exported.id(),
                exported.wrappedValue(), exported.algorithm(), KeyStatus.ACTIVE), OPERATOR);

        assertThat(imported.status()).isEqualTo("active");
        assertThat(store.loadDataKeys()).filteredOn(DataKey::isActive).extracting(k -> k.id().value())
                .containsExactly(exported.id().value());
        assertThat(store.loadDataKeys()).filteredOn(k -> k.id().value().equals(current))
                .extracting(DataKey::status).containsExactly(KeyStatus.INACTIVE);
        assertThat(rekey.values().decryptValue().decryptValue(writtenByN8n)).isEqualTo(Fixtures.JSON);
    }

    @Test
    void importingARow_keepsTheDatesItWasGiven() {
        DataKey exported = Keyring.seed(rekey.instanceKey(), Fixtures.T0, Fixtures.RANDOM).activeKey().orElseThrow();
        java.time.Instant created = java.time.Instant.parse("2024-05-01T10:00:00Z");
        java.time.Instant updated = java.time.Instant.parse("2024-06-01T10:00:00Z");

        DataKeyView imported = rekey.keys().importDataKey().importDataKey(new ImportDataKeyCommand(exported.id(),
                exported.wrappedValue(), exported.algorithm(), KeyStatus.INACTIVE, Optional.of(created),
                Optional.of(updated)), OPERATOR);

        assertThat(imported.createdAt()).isEqualTo(created);
        assertThat(imported.updatedAt()).isEqualTo(updated);
        assertThat(store.loadDataKeys()).filteredOn(k -> k.id().equals(exported.id())).singleElement()
                .satisfies(k -> {
                    assertThat(k.createdAt()).isEqualTo(created);
                    assertThat(k.updatedAt()).isEqualTo(updated);
                });
    }

    @Test
    void importingARow_withOnlyACreatedAt_usesItForUpdatedAtToo() {
        DataKey exported = Keyring.seed(rekey.instanceKey(), Fixtures.T0, Fixtures.RANDOM).activeKey().orElseThrow();
        java.time.Instant created = java.time.Instant.parse("2024-05-01T10:00:00Z");

        DataKeyView imported = rekey.keys().importDataKey().importDataKey(new ImportDataKeyCommand(exported.id(),
                exported.wrappedValue(), exported.algorithm(), KeyStatus.INACTIVE, Optional.of(created),
                Optional.empty()), OPERATOR);

        assertThat(imported.updatedAt()).isEqualTo(created);
    }

    @Test
    void importingAKeyWrappedUnderAnotherInstanceKey_isWrongInstanceKey_andChangesNothing() {
        DataKey foreign = Keyring.seed(InstanceKey.of("another deployment"), Fixtures.T0, Fixtures.RANDOM)
                .activeKey().orElseThrow();
        List<DataKey> before = store.loadDataKeys();

        assertRejected(ErrorCode.WRONG_INSTANCE_KEY, () -> rekey.keys().importDataKey().importDataKey(new ImportDataKeyCommand(
                foreign.id(), foreign.wrappedValue(), foreign.algorithm(), KeyStatus.INACTIVE), OPERATOR));

        assertThat(store.loadDataKeys()).containsExactlyInAnyOrderElementsOf(before);
    }

    @Test
    void importingAnExistingId_isDuplicateId() {
        DataKey existing = store.loadDataKeys().get(0);

        assertRejected(ErrorCode.DUPLICATE_ID, () -> rekey.keys().importDataKey().importDataKey(new ImportDataKeyCommand(
                existing.id(), existing.wrappedValue(), existing.algorithm(), KeyStatus.INACTIVE), OPERATOR));
    }

    @Test
    void destroy_afterReencryption_leavesATombstoneThatIsListedButNoLongerDecrypts() {
        String old = activeKey();
        String value = rekey.values().encryptValue().encryptValue("secret");
        rekey.credentials().createCredential().createCredential(new CreateCredentialCommand("a", "t", Fixtures.JSON));
        rekey.keys().rotateDataKey().rotateDataKey(OPERATOR);

        assertRejected(ErrorCode.KEY_IN_USE, () -> rekey.keys().destroyDataKey().destroyDataKey(new DataKeyId(old), OPERATOR));
        rekey.maintenance().reencrypt().reencrypt(Fixtures.defaultBatch(), ProgressListener.NONE, OPERATOR);
        DataKeyView destroyed = rekey.keys().destroyDataKey().destroyDataKey(new DataKeyId(old), OPERATOR);

        assertThat(destroyed.status()).isEqualTo("destroyed");
        assertThat(rekey.keys().showDataKey().showDataKey(new DataKeyId(old)).status()).isEqualTo("destroyed");
        assertThat(store.loadDataKeys()).filteredOn(k -> k.id().value().equals(old)).singleElement()
                .satisfies(k -> assertThat(k.wrappedValue()).isEmpty());
        assertRejected(ErrorCode.KEY_DESTROYED, () -> rekey.values().decryptValue().decryptValue(value));
        assertRejected(ErrorCode.KEY_DESTROYED, () -> rekey.keys().destroyDataKey().destroyDataKey(new DataKeyId(old), OPERATOR));
    }

    private String activeKey() {
        return rekey.keyring().current().activeKey().orElseThrow().id().value();
    }
}
