package org.rekey.application.port.in.maintenance;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.rekey.domain.key.KeyRef;

/**
 * The outcome of decrypting every record.
 *
 * @param recordsByKey how many records name each key; legacy values count under {@link KeyRef#LEGACY}
 * @param malformed how many records hold a value that names no key at all (it cannot be parsed)
 * @param activeKey the key new values are written under, {@link KeyRef#LEGACY} while rotation is off
 * @param failures every record that did not decrypt, with its error code (never plaintext)
 */
public record VerifyReport(long total, Map<KeyRef, Long> recordsByKey, long malformed, KeyRef activeKey,
        List<RecordFailure> failures) {

    public VerifyReport {
        recordsByKey = Map.copyOf(recordsByKey);
        Objects.requireNonNull(activeKey, "activeKey");
        failures = List.copyOf(failures);
    }

    public boolean succeeded() {
        return failures.isEmpty();
    }
}
