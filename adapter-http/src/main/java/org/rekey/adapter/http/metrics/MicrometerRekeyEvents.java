package org.rekey.adapter.http.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.rekey.application.port.out.RekeyEventsPort;
import org.rekey.domain.error.ErrorCode;

/** Counts the services' events: {@code rekey_rotations_total} and {@code rekey_decrypt_failures_total{code}}. */
final class MicrometerRekeyEvents implements RekeyEventsPort {

    static final String ROTATIONS = "rekey.rotations";
    static final String DECRYPT_FAILURES = "rekey.decrypt.failures";

    private final MeterRegistry registry;
    private final Counter rotations;

    MicrometerRekeyEvents(MeterRegistry registry) {
        this.registry = registry;
        this.rotations = Counter.builder(ROTATIONS)
                .description("Data keys this instance made active")
                .register(registry);
    }

    @Override
    public void decryptFailed(ErrorCode code) {
        Counter.builder(DECRYPT_FAILURES)
                .description("Stored values that failed to decrypt when read, by error code")
                .tag("code", code.name())
                .register(registry)
                .increment();
    }

    @Override
    public void rotated() {
        rotations.increment();
    }
}
