package org.rekey.application.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.LongSupplier;

/**
 * A clock that stands still until a test moves it. {@link #nanoTime()} follows the same time, so one
 * {@link #advance} drives both wall-clock timestamps and a {@code KeyringCache}'s refresh interval.
 */
public final class MutableClock extends Clock {

    public static final Instant DEFAULT_START = Instant.parse("2025-01-01T00:00:00Z");

    private final Instant origin;
    private volatile Instant now;

    public MutableClock(Instant start) {
        this.origin = start;
        this.now = start;
    }

    public MutableClock() {
        this(DEFAULT_START);
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    /** Nanoseconds since this clock's start, moving only when the clock does. */
    public LongSupplier nanoTime() {
        return () -> Duration.between(origin, now).toNanos();
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a MutableClock is always UTC");
    }
}
