package org.rekey.application.service.credential;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.rekey.application.port.in.credential.ExportCredentialsCommand;
import org.rekey.application.port.in.credential.ExportCredentialsUseCase;
import org.rekey.application.port.in.credential.ExportReport;
import org.rekey.application.port.in.credential.PortableCredential;
import org.rekey.application.port.in.maintenance.RecordFailure;
import org.rekey.application.port.out.LoadRecordsPort;
import org.rekey.application.service.keyring.KeyringCache;
import org.rekey.domain.error.RekeyException;
import org.rekey.domain.record.EncryptedRecord;
import org.rekey.domain.record.RecordId;

/** Streams every credential, page by page, in n8n's export shape; names each record that does not decrypt. */
public final class ExportCredentialsService implements ExportCredentialsUseCase {

    static final int PAGE = 500;

    private final KeyringCache keyring;
    private final LoadRecordsPort loadRecords;

    public ExportCredentialsService(KeyringCache keyring, LoadRecordsPort loadRecords) {
        this.keyring = keyring;
        this.loadRecords = loadRecords;
    }

    @Override
    public ExportReport exportCredentials(ExportCredentialsCommand command, Consumer<PortableCredential> sink) {
        long count = 0;
        List<RecordFailure> failures = new ArrayList<>();
        Optional<RecordId> after = Optional.empty();
        List<EncryptedRecord> page;
        do {
            page = loadRecords.loadRecordsAfter(after, PAGE);
            for (EncryptedRecord record : page) {
                after = Optional.of(record.id());
                Optional<String> data = data(record, command, failures);
                if (data.isPresent()) {
                    sink.accept(new PortableCredential(record.id().value(), record.name(), record.type(),
                            data.get(), record.createdAt(), record.updatedAt()));
                    count++;
                }
            }
        } while (page.size() == PAGE);
        return new ExportReport(count, failures);
    }

    private Optional<String> data(EncryptedRecord record, ExportCredentialsCommand command,
            List<RecordFailure> failures) {
        if (!command.decrypted()) {
            return Optional.of(record.data());
        }
        try {
            return Optional.of(keyring.decrypt(record.data()));
        } catch (RekeyException e) {
            if (!command.keepGoing()) {
                throw new RekeyException(e.code(), "credential " + record.id().value() + " does not decrypt: "
                        + e.getMessage() + "; the export stopped there (--keep-going exports the others and lists"
                        + " every failure)");
            }
            failures.add(new RecordFailure("credentials_entity", record.id().value(), "data", e.code().name(),
                    e.getMessage()));
            return Optional.empty();
        }
    }
}
