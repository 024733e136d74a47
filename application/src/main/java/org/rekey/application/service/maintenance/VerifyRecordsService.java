package org.rekey.application.service.maintenance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.rekey.application.port.in.maintenance.Progress;
import org.rekey.application.port.in.maintenance.ProgressListener;
import org.rekey.application.port.in.maintenance.RecordFailure;
import org.rekey.application.port.in.maintenance.VerifyRecordsUseCase;
import org.rekey.application.port.in.maintenance.VerifyReport;
import org.rekey.application.port.out.LoadRecordsPort;
import org.rekey.application.service.keyring.KeyringCache;
import org.rekey.domain.error.RekeyException;
import org.rekey.domain.key.DataKeyId;
import org.rekey.domain.key.StoredValue;
import org.rekey.domain.record.EncryptedRecord;
import org.rekey.domain.record.RecordId;

/** Decrypts every record, page by page, counting records per key; plaintext is discarded at once. */
public final class VerifyRecordsService implements VerifyRecordsUseCase {

    static final int PAGE = 500;
    static final String MALFORMED = "malformed";

    private final LoadRecordsPort loadRecords;
    private final KeyringCache keyring;

    public VerifyRecordsService(LoadRecordsPort loadRecords, KeyringCache keyring) {
        this.loadRecords = loadRecords;
        this.keyring = keyring;
    }

    @Override
    public VerifyReport verifyRecords(ProgressListener listener) {
        long total = loadRecords.countRecords();
        Map<String, Long> byKey = new TreeMap<>();
        List<RecordFailure> failures = new ArrayList<>();
        long done = 0;
        Optional<RecordId> after = Optional.empty();
        List<EncryptedRecord> page;
        do {
            page = loadRecords.loadRecordsAfter(after, PAGE);
            for (EncryptedRecord record : page) {
                byKey.merge(keyName(record.data()), 1L, Long::sum);
                try {
                    keyring.decrypt(record.data());
                } catch (RekeyException e) {
                    failures.add(new RecordFailure(record.id().value(), e.code().name(), e.getMessage()));
                }
                done++;
                after = Optional.of(record.id());
            }
            listener.onProgress(new Progress(done, Math.max(total, done), failures.size()));
        } while (page.size() == PAGE);
        String active = keyring.current().activeKey().map(k -> k.id().value()).orElse(VerifyReport.LEGACY);
        return new VerifyReport(done, byKey, active, failures);
    }

    private static String keyName(String data) {
        try {
            return StoredValue.parse(data).keyId().map(DataKeyId::value).orElse(VerifyReport.LEGACY);
        } catch (RekeyException e) {
            return MALFORMED;
        }
    }
}
