package org.rekey.application.service.maintenance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.rekey.domain.key.KeyRef;
import org.rekey.domain.key.StoredValue;

/**
 * Decrypts every secret the store keeps, page by page, counting secrets per key; plaintext is discarded at
 * once. A failure names the secret's location.
 */
public final class VerifyRecordsService implements VerifyRecordsUseCase {

    static final int PAGE = 500;

    private final LoadSecretsPort loadSecrets;
    private final KeyringCache keyring;

    public VerifyRecordsService(LoadSecretsPort loadSecrets, KeyringCache keyring) {
        this.loadSecrets = loadSecrets;
        this.keyring = keyring;
    }

    @Override
    public VerifyReport verifyRecords(ProgressListener listener) {
        long total = loadSecrets.countSecrets();
        Map<KeyRef, Long> byKey = new HashMap<>();
        long malformed = 0;
        List<RecordFailure> failures = new ArrayList<>();
        long done = 0;
        Optional<SecretLocation> after = Optional.empty();
        List<StoredSecret> page;
        do {
            page = loadSecrets.loadSecretsAfter(after, PAGE);
            for (StoredSecret secret : page) {
                Optional<KeyRef> key = keyRef(secret.value());
                if (key.isPresent()) {
                    byKey.merge(key.get(), 1L, Long::sum);
                } else {
                    malformed++;
                }
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
        KeyRef active = keyring.current().activeKey().map(k -> KeyRef.of(k.id())).orElse(KeyRef.LEGACY);
        return new VerifyReport(done, byKey, malformed, active, failures);
    }

    /** The key a value names; empty for a value that cannot be parsed. */
    private static Optional<KeyRef> keyRef(String data) {
        return StoredValue.tryParse(data).map(StoredValue::keyRef);
    }
}
