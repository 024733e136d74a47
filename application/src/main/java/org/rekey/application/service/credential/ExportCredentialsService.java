package org.rekey.application.service.credential;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.rekey.application.port.in.credential.ExportCredentialsUseCase;
import org.rekey.application.port.in.credential.PortableCredential;
import org.rekey.application.port.out.LoadRecordsPort;
import org.rekey.application.service.keyring.KeyringCache;
import org.rekey.domain.record.EncryptedRecord;
import org.rekey.domain.record.RecordId;

/** Streams every credential, page by page, in n8n's export shape. */
public final class ExportCredentialsService implements ExportCredentialsUseCase {

    static final int PAGE = 500;

    private final KeyringCache keyring;
    private final LoadRecordsPort loadRecords;

    public ExportCredentialsService(KeyringCache keyring, LoadRecordsPort loadRecords) {
        this.keyring = keyring;
        this.loadRecords = loadRecords;
    }

    @Override
    public long exportCredentials(boolean decrypted, Consumer<PortableCredential> sink) {
        long count = 0;
        Optional<RecordId> after = Optional.empty();
        List<EncryptedRecord> page;
        do {
            page = loadRecords.loadRecordsAfter(after, PAGE);
            for (EncryptedRecord record : page) {
                String data = decrypted ? keyring.decrypt(record.data()) : record.data();
                sink.accept(new PortableCredential(record.id().value(), record.name(), record.type(), data,
                        record.createdAt(), record.updatedAt()));
                count++;
                after = Optional.of(record.id());
            }
        } while (page.size() == PAGE);
        return count;
    }
}
