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
import org.rekey.application.port.out.LoadSecretsPort;
import org.rekey.application.port.out.SecretLocation;
import org.rekey.application.port.out.StoredSecret;
import org.rekey.application.service.keyring.KeyringCache;
import org.rekey.domain.error.RekeyException;
import org.rekey.domain.key.StoredValue;

/**
 * Decrypts every secret the store keeps, page by page, counting secrets per key; plaintext is discarded at
 * once. A failure names the secret's location.
 */
public final class VerifyRecordsService implements VerifyRecordsUseCase {

    static final int PAGE = 500;
    static final String MALFORMED = "malformed";

    private final LoadSecretsPort loadSecrets;
    private final KeyringCache keyring;

    public VerifyRecordsService(LoadSecretsPort loadSecrets, KeyringCache keyring) {
        this.loadSecrets = loadSecrets;
        this.keyring = keyring;
    }

    @Override
    public VerifyReport verifyRecords(ProgressListener listener) {
        long total = loadSecrets.countSecrets();
        Map<String, Long> byKey = new TreeMap<>();
        List<RecordFailure> failures = new ArrayList<>();
        long done = 0;
        Optional<SecretLocation> after = Optional.empty();
        List<StoredSecret> page;
        do {
            page = loadSecrets.loadSecretsAfter(after, PAGE);
            for (StoredSecret secret : page) {
                byKey.merge(keyName(secret.value()), 1L, Long::sum);
                try {
                    keyring.decrypt(secret.value());
                } catch (RekeyException e) {
                    failures.add(Failures.at(secret.location(), e));
                }
                done++;
                after = Optional.of(secret.location());
            }
            listener.onProgress(new Progress(done, Math.max(total, done), failures.size()));
        } while (page.size() == PAGE);
        String active = keyring.current().activeKey().map(k -> k.id().value()).orElse(VerifyReport.LEGACY);
        return new VerifyReport(done, byKey, active, failures);
    }

    private static String keyName(String data) {
        try {
            return StoredValue.parse(data).keyRef().wireName();
        } catch (RekeyException e) {
            return MALFORMED;
        }
    }
}
