package org.rekey.application.service.key;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.rekey.application.audit.Actor;
import org.rekey.application.audit.AuditAction;
import org.rekey.application.audit.AuditEntry;
import org.rekey.application.port.in.key.DataKeyView;
import org.rekey.application.testing.InMemoryStore;
import org.rekey.application.testing.MutableClock;
import org.rekey.application.testing.TestServices;

/** {@code REKEY_ROTATE_EVERY}: a rotation when the active key is old enough, once for the whole fleet. */
class ScheduledRotationTest {

    private static final Duration PERIOD = Duration.ofDays(90);
    private static final Actor SCHEDULER = Actor.scheduler("host-a:1");

    private final InMemoryStore store = new InMemoryStore();
    private final MutableClock clock = new MutableClock();
    private final TestServices first = TestServices.builder().store(store).clock(clock).build();
    private final TestServices second = TestServices.builder().store(store).clock(clock).build();

    @Test
    void aYoungKey_isLeftAlone_withoutAnAuditEntry() {
        clock.advance(PERIOD.minusSeconds(1));

        assertThat(first.keys().rotateDataKey().rotateDataKeyIfOlderThan(PERIOD, SCHEDULER)).isEmpty();

        assertThat(store.loadDataKeys()).hasSize(2);
        assertThat(store.auditTrail()).isEmpty();
    }

    @Test
    void aKeyOlderThanThePeriod_isRotated_andTheTrailNamesTheScheduler() {
        String old = first.keyring().current().activeKey().orElseThrow().id().value();
        clock.advance(PERIOD);

        DataKeyView rotated = first.keys().rotateDataKey().rotateDataKeyIfOlderThan(PERIOD, SCHEDULER).orElseThrow();

        assertThat(rotated.id()).isNotEqualTo(old);
        assertThat(rotated.status()).isEqualTo("active");
        AuditEntry entry = store.auditTrail().get(0);
        assertThat(entry.action()).isEqualTo(AuditAction.KEY_ROTATE);
        assertThat(entry.actor().kind()).isEqualTo(Actor.Kind.SCHEDULER);
        assertThat(first.keys().rotateDataKey().rotateDataKeyIfOlderThan(PERIOD, SCHEDULER))
                .as("the new key is young").isEmpty();
    }

    @Test
    void instancesCheckingAtTheSameMoment_rotateOnceBetweenThem() throws Exception {
        clock.advance(PERIOD.plusDays(1));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Optional<DataKeyView>>> checks = List.of(
                    () -> first.keys().rotateDataKey().rotateDataKeyIfOlderThan(PERIOD, SCHEDULER),
                    () -> second.keys().rotateDataKey().rotateDataKeyIfOlderThan(PERIOD, SCHEDULER),
                    () -> first.keys().rotateDataKey().rotateDataKeyIfOlderThan(PERIOD, SCHEDULER),
                    () -> second.keys().rotateDataKey().rotateDataKeyIfOlderThan(PERIOD, SCHEDULER));
            long rotations = 0;
            for (Future<Optional<DataKeyView>> check : pool.invokeAll(checks, 30, TimeUnit.SECONDS)) {
                rotations += check.get().isPresent() ? 1 : 0;
            }
            assertThat(rotations).isEqualTo(1);
            assertThat(store.loadDataKeys()).hasSize(3);
            assertThat(store.auditTrail()).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theSchedule_checksAtItsRate_andRotatesWhenDue() throws Exception {
        clock.advance(PERIOD);
        try (ScheduledRotation schedule = ScheduledRotation.start(first.keys().rotateDataKey(), PERIOD,
                Duration.ofMillis(20), "host-a:1")) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (store.auditTrail().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        }
        assertThat(store.auditTrail()).singleElement()
                .satisfies(entry -> assertThat(entry.actor()).isEqualTo(Actor.scheduler("host-a:1")));
    }
}
