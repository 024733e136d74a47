package org.rekey.application.archfixture;

import io.micrometer.core.instrument.MeterRegistry;

/** A deliberate violation, in test code only: proves the architecture rule catches Micrometer in the application. */
public class ApplicationTypeUsingMicrometer {
    void count(MeterRegistry registry) {
        registry.counter("rekey.rotations").increment();
    }
}
