package org.rekey.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rekey.domain.error.RekeyAssertions.assertRejected;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rekey.domain.error.ErrorCode;

/** {@code REKEY_ROTATE_EVERY}: off unless set; an ISO-8601 duration; anything else is refused, naming it. */
class RekeyConfigRotateEveryTest {

    @Test
    void unset_meansNoScheduledRotation() {
        assertThat(new RekeyConfig(Map.of()).rotateEvery()).isEmpty();
    }

    @Test
    void daysAndHours_areDurations() {
        assertThat(config("P90D").rotateEvery()).contains(Duration.ofDays(90));
        assertThat(config(" PT12H ").rotateEvery()).contains(Duration.ofHours(12));
    }

    @Test
    void monthsZeroNegativeAndText_areBadInput_namingTheVariable() {
        for (String bad : new String[] {"P3M", "PT0S", "-P1D", "90 days"}) {
            assertThat(assertRejected(ErrorCode.INVALID_INPUT, () -> config(bad).rotateEvery()).getMessage())
                    .as(bad).contains("REKEY_ROTATE_EVERY").contains("P90D");
        }
    }

    private static RekeyConfig config(String value) {
        return new RekeyConfig(Map.of(RekeyConfig.ROTATE_EVERY, value));
    }
}
