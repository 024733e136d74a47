package org.rekey.application.service.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rekey.domain.error.RekeyAssertions.assertRejected;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rekey.application.testing.TestServices;
import org.rekey.application.port.in.credential.CreateCredentialCommand;
import org.rekey.application.port.in.credential.CredentialPage;
import org.rekey.application.port.in.credential.CredentialView;
import org.rekey.application.port.in.credential.ExportCredentialsCommand;
import org.rekey.application.port.in.credential.ExportReport;
import org.rekey.application.port.in.credential.ListCredentialsQuery;
import org.rekey.application.port.in.credential.PortableCredential;
import org.rekey.application.port.in.maintenance.RecordFailure;
import org.rekey.application.testing.Fixtures;
import org.rekey.application.testing.InMemoryStore;
import org.rekey.domain.error.ErrorCode;
import org.rekey.domain.error.RekeyException;
import org.rekey.domain.key.InstanceKey;
import org.rekey.domain.key.Keyring;
import org.rekey.domain.key.WriteFormat;
import org.rekey.domain.record.RecordId;

/** Credential use cases over the in-memory store: list, delete, export and all-or-nothing import. */
class CredentialsTest {

    private static final ExportCredentialsCommand ENCRYPTED = new ExportCredentialsCommand(false, false);
    private static final ExportCredentialsCommand DECRYPTED = new ExportCredentialsCommand(true, false);

    private final InMemoryStore store = new InMemoryStore();
    private final TestServices rekey = TestServices.builder().store(store).build();

    @AfterEach
    void close() {
        rekey.close();
    }

    @Test
    void list_returnsMetadataAndKeyIds_neverData() {
        create("a");
        create("b");
        create("c");

        CredentialPage page = rekey.credentials().listCredentials().listCredentials(new ListCredentialsQuery(1, 1));

        assertThat(page.count()).isEqualTo(3);
        assertThat(page.items()).singleElement().satisfies(view -> {
            assertThat(view.data()).isEmpty();
            assertThat(view.keyId()).isPresent();
        });
    }

    @Test
    void get_withoutData_doesNotDecrypt_andWithData_does() {
        CredentialView created = create("a");
        RecordId id = new RecordId(created.id());

        assertThat(rekey.credentials().getCredential().getCredential(id, false).data()).isEmpty();
        assertThat(rekey.credentials().getCredential().getCredential(id, true).data()).contains(Fixtures.JSON);
        assertThat(rekey.credentials().getCredential().getCredential(id, true).toString()).doesNotContain("hunter2");
    }

    @Test
    void delete_removesTheCredential_andASecondDeleteIsRecordNotFound() {
        RecordId id = new RecordId(create("a").id());

        rekey.credentials().deleteCredential().deleteCredential(id);

        assertRejected(ErrorCode.RECORD_NOT_FOUND, () -> rekey.credentials().getCredential().getCredential(id, false));
        assertRejected(ErrorCode.RECORD_NOT_FOUND, () -> rekey.credentials().deleteCredential().deleteCredential(id));
    }

    @Test
    void export_encrypted_keepsTheStoredValues_andDecrypted_givesTheJson() {
        CredentialView created = create("a");
        String stored = store.loadRecord(new RecordId(created.id())).orElseThrow().data();
        List<PortableCredential> encrypted = new ArrayList<>();
        List<PortableCredential> decrypted = new ArrayList<>();

        assertThat(rekey.credentials().exportCredentials().exportCredentials(ENCRYPTED, encrypted::add).exported()).isEqualTo(1);
        rekey.credentials().exportCredentials().exportCredentials(DECRYPTED, decrypted::add);

        assertThat(encrypted).singleElement().satisfies(c -> assertThat(c.data()).isEqualTo(stored));
        assertThat(decrypted).singleElement().satisfies(c -> assertThat(c.data()).isEqualTo(Fixtures.JSON));
    }

    @Test
    void exportDecrypted_stopsAtARecordThatDoesNotDecrypt_namingIt() {
        create("a");
        store.insertRecord(Fixtures.raw("broken", Keyring.empty(InstanceKey.of("elsewhere")).encrypt("{}",
                WriteFormat.LEGACY)));

        RekeyException e = assertRejected(ErrorCode.DECRYPTION_FAILED,
                () -> rekey.credentials().exportCredentials().exportCredentials(DECRYPTED, c -> { }));

        assertThat(e.getMessage()).startsWith("credential broken does not decrypt").contains("--keep-going");
    }

    @Test
    void exportDecrypted_keepingGoing_exportsTheOthers_andReportsEveryFailure() {
        create("a");
        create("b");
        for (String id : List.of("broken1", "broken2")) {
            store.insertRecord(Fixtures.raw(id, Keyring.empty(InstanceKey.of("elsewhere")).encrypt("{}",
                    WriteFormat.LEGACY)));
        }
        List<PortableCredential> exported = new ArrayList<>();

        ExportReport report = rekey.credentials().exportCredentials().exportCredentials(new ExportCredentialsCommand(true, true),
                exported::add);

        assertThat(report.exported()).isEqualTo(2);
        assertThat(exported).extracting(PortableCredential::name).containsExactlyInAnyOrder("a", "b");
        assertThat(report.failures()).extracting(RecordFailure::recordId).containsExactly("broken1", "broken2");
        assertThat(report.failures()).allSatisfy(f -> assertThat(f.code()).isEqualTo("DECRYPTION_FAILED"));
    }

    @Test
    void keepGoing_withoutDecrypted_isRefused() {
        assertRejected(ErrorCode.INVALID_INPUT, () -> new ExportCredentialsCommand(false, true));
    }

    @Test
    void export_thenImportIntoAnotherDeploymentWithTheSameKeys_readsEveryCredential() {
        create("a");
        create("b");
        List<PortableCredential> exported = new ArrayList<>();
        rekey.credentials().exportCredentials().exportCredentials(ENCRYPTED, exported::add);
        InMemoryStore target = new InMemoryStore();
        target.saveDataKeys(store.loadDataKeys());

        try (TestServices other = TestServices.builder().store(target).build()) {
            assertThat(other.credentials().importCredentials().importCredentials(exported)).isEqualTo(2);
            for (PortableCredential c : exported) {
                assertThat(other.credentials().getCredential().getCredential(new RecordId(c.id()), true).data())
                        .contains(Fixtures.JSON);
            }
        }
    }

    @Test
    void import_withAnIdAlreadyStored_importsNoneOfTheEntries() {
        CredentialView existing = create("a");
        String data = rekey.values().encryptValue().encryptValue(Fixtures.JSON);
        List<PortableCredential> entries = List.of(
                new PortableCredential("fresh1", "n", "t", data, Fixtures.T0, Fixtures.T0),
                new PortableCredential(existing.id(), "n", "t", data, Fixtures.T0, Fixtures.T0));

        assertThat(assertRejected(ErrorCode.DUPLICATE_ID, () -> rekey.credentials().importCredentials().importCredentials(entries))
                .getMessage()).startsWith("entry 2 (id " + existing.id() + ")");

        assertThat(store.loadRecord(new RecordId("fresh1"))).isEmpty();
        assertThat(store.countRecords()).isEqualTo(1);
    }

    private CredentialView create(String name) {
        return rekey.credentials().createCredential().createCredential(
                new CreateCredentialCommand(name, "httpBasicAuth", Fixtures.JSON));
    }
}
