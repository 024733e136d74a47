package org.rekey.application.port.in.maintenance;

import java.util.List;
import java.util.Map;

/**
 * The outcome of decrypting every record.
 *
 * @param recordsByKey how many records name each key id; legacy values count under "legacy"
 * @param failures every record that did not decrypt, with its error code (never plaintext)
 */
public record VerifyReport(long total, Map<String, Long> recordsByKey, String activeKeyId,
        List<RecordFailure> failures) {

    public static final String LEGACY = "legacy";

    public VerifyReport {
        recordsByKey = Map.copyOf(recordsByKey);
        failures = List.copyOf(failures);
    }

    public boolean succeeded() {
        return failures.isEmpty();
    }
}
