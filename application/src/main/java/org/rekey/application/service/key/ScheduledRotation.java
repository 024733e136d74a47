package org.rekey.application.service.key;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.rekey.application.audit.Actor;
import org.rekey.application.port.in.key.RotateDataKeyUseCase;
import org.rekey.domain.error.RekeyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code REKEY_ROTATE_EVERY}: checks at a fixed rate whether the active data key is older than the period and
 * rotates if so. Every main instance checks; the check is repeated inside the rotating transaction, so the fleet
 * rotates once per period.
 */
public final class ScheduledRotation implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledRotation.class);
    public static final Duration CHECK_EVERY = Duration.ofMinutes(1);

    private final RotateDataKeyUseCase rotate;
    private final Duration period;
    private final Actor scheduler;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "rekey-scheduled-rotation");
        thread.setDaemon(true);
        return thread;
    });

    private ScheduledRotation(RotateDataKeyUseCase rotate, Duration period, String instance) {
        if (period.isNegative() || period.isZero()) {
            throw RekeyException.invalid("the rotation period must be positive");
        }
        this.rotate = rotate;
        this.period = period;
        this.scheduler = Actor.scheduler(instance);
    }

    /** Every minute, or four times a period shorter than four minutes. */
    public static Duration checkEvery(Duration period) {
        Duration quarter = period.dividedBy(4);
        return quarter.compareTo(CHECK_EVERY) < 0 ? quarter : CHECK_EVERY;
    }

    /** Checks now, then every {@code checkEvery}. */
    public static ScheduledRotation start(RotateDataKeyUseCase rotate, Duration period, Duration checkEvery,
            String instance) {
        ScheduledRotation schedule = new ScheduledRotation(rotate, period, instance);
        schedule.executor.scheduleAtFixedRate(schedule::checkOnce, 0, checkEvery.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("scheduled rotation: the data key rotates when it is older than {}", period);
        return schedule;
    }

    /** Rotates if the active key is due; a failure is logged and the next check tries again. */
    void checkOnce() {
        try {
            rotate.rotateDataKeyIfOlderThan(period, scheduler)
                    .ifPresent(key -> LOG.info("scheduled rotation: data key {} is active now", key.id()));
        } catch (RekeyException e) {
            LOG.warn("scheduled rotation failed [{}]: {}; it is tried again at the next check", e.code(),
                    e.getMessage());
        } catch (RuntimeException e) { // an uncaught failure would stop the schedule for good
            LOG.error("scheduled rotation failed; it is tried again at the next check", e);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
