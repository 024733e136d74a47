package org.rekey.adapter.cli.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.rekey.application.port.in.maintenance.Progress;

class ProgressBarTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final AtomicLong now = new AtomicLong();

    @Test
    void render_showsCountPercentageRateAndTimeLeft() {
        String line = ProgressBar.render("re-encrypting", new Progress(250, 1000, 0), TimeUnit.SECONDS.toNanos(5));

        assertThat(line).isEqualTo(
                "re-encrypting [######------------------] 250/1000  25%  50 records/s  0:15 left");
    }

    @Test
    void render_beforeAnythingIsDone_hasNoRateYet() {
        assertThat(ProgressBar.render("verifying", new Progress(0, 10, 0), 0))
                .isEqualTo("verifying [------------------------] 0/10   0%  -- records/s  --:-- left");
    }

    @Test
    void render_countsFailures_andLongJobsInHours() {
        String line = ProgressBar.render("x", new Progress(1, 7201, 1), TimeUnit.SECONDS.toNanos(1));

        assertThat(line).endsWith("1 records/s  2:00:00 left  1 failed");
    }

    @Test
    void render_ofAnEmptyJob_isComplete() {
        assertThat(ProgressBar.render("x", new Progress(0, 0, 0), 0)).contains("[########################] 0/0 100%");
    }

    @Test
    void onATerminal_redrawsOneLineOnStderr_andEndsItWhenClosed() {
        try (ProgressBar bar = bar(true)) {
            now.set(TimeUnit.SECONDS.toNanos(1));
            bar.onProgress(new Progress(10, 20, 0));
            bar.onProgress(new Progress(20, 20, 0));
        }

        String drawn = err.toString(StandardCharsets.UTF_8);
        assertThat(drawn).startsWith("\rjob [").contains("10/20", "\rjob [", "20/20").endsWith("\n");
        assertThat(drawn.chars().filter(c -> c == '\n')).hasSize(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void offATerminal_drawsNothing() {
        try (ProgressBar bar = bar(false)) {
            bar.onProgress(new Progress(10, 20, 0));
        }

        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    private ProgressBar bar(boolean terminal) {
        Printer printer = new Printer(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), terminal, new JsonCodec());
        return new ProgressBar(printer, "job", now::get);
    }
}
