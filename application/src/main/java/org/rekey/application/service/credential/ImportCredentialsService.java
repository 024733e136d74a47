package org.rekey.application.service.credential;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.rekey.application.port.in.credential.ImportCredentialsUseCase;
import org.rekey.application.port.in.credential.PortableCredential;
import org.rekey.application.port.out.SaveRecordPort;
import org.rekey.application.port.out.TransactionPort;
import org.rekey.application.service.keyring.KeyringCache;
import org.rekey.domain.error.RekeyException;
import org.rekey.domain.key.Keyring;
import org.rekey.domain.record.EncryptedRecord;
import org.rekey.domain.record.RecordId;

/**
 * Imports n8n's exported credentials, data kept encrypted as it is. Every entry is checked first
 * (valid fields, a value that decrypts with this instance's keys, no duplicate id), then all are
 * inserted in one transaction: a bad entry imports nothing.
 */
public final class ImportCredentialsService implements ImportCredentialsUseCase {

    private final KeyringCache keyring;
    private final SaveRecordPort saveRecord;
    private final TransactionPort transactions;
    private final Clock clock;

    public ImportCredentialsService(KeyringCache keyring, SaveRecordPort saveRecord, TransactionPort transactions,
            Clock clock) {
        this.keyring = keyring;
        this.saveRecord = saveRecord;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public int importCredentials(List<PortableCredential> credentials) {
        Keyring current = keyring.reload();
        Instant now = clock.instant();
        List<EncryptedRecord> records = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < credentials.size(); i++) {
            PortableCredential entry = credentials.get(i);
            try {
                if (!ids.add(String.valueOf(entry.id()))) {
                    throw RekeyException.invalid("the id appears twice in the file");
                }
                EncryptedRecord record = EncryptedRecord.importEncrypted(new RecordId(entry.id()), entry.name(),
                        entry.type(), entry.data(), orNow(entry.createdAt(), now), orNow(entry.updatedAt(), now));
                current.decrypt(record.data());
                records.add(record);
            } catch (RekeyException e) {
                throw new RekeyException(e.code(), describe(i, entry) + ": " + e.getMessage());
            }
        }
        transactions.inTransaction(() -> {
            for (int i = 0; i < records.size(); i++) {
                try {
                    saveRecord.insertRecord(records.get(i));
                } catch (RekeyException e) {
                    throw new RekeyException(e.code(), describe(i, credentials.get(i)) + ": " + e.getMessage());
                }
            }
            return null;
        });
        return records.size();
    }

    private static String describe(int index, PortableCredential entry) {
        return "entry " + (index + 1) + " (id " + entry.id() + ")";
    }

    private static Instant orNow(Instant value, Instant now) {
        return value == null ? now : value;
    }
}
