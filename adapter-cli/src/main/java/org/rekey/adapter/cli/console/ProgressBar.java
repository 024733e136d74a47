package org.rekey.adapter.cli.console;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.rekey.application.port.in.maintenance.Progress;
import org.rekey.application.port.in.maintenance.ProgressListener;

/**
 * A progress bar on stderr for long jobs: count, percentage, rate and time remaining. Draws nothing
 * when the streams are not a terminal. Close it when the job ends, to finish the line.
 */
public final class ProgressBar implements ProgressListener, AutoCloseable {

    private static final int WIDTH = 24;

    private final Printer printer;
    private final String label;
    private final LongSupplier nanoClock;
    private final long startNanos;
    private Progress last;

    public ProgressBar(Printer printer, String label, LongSupplier nanoClock) {
        this.printer = printer;
        this.label = label;
        this.nanoClock = nanoClock;
        this.startNanos = nanoClock.getAsLong();
    }

    @Override
    public void onProgress(Progress progress) {
        last = progress;
        if (printer.isTerminal()) {
            printer.progress(render(label, progress, nanoClock.getAsLong() - startNanos));
        }
    }

    /** Says on stderr how far the job came before it failed, as context for the error line that follows. */
    public void reportStopped() {
        if (last == null) {
            printer.notice(label + " stopped before the first batch was done");
            return;
        }
        printer.notice(label + " stopped after " + last.done() + " of " + last.total() + " records"
                + (last.failed() > 0 ? " (" + last.failed() + " failed)" : ""));
    }

    @Override
    public void close() {
        printer.endProgress();
    }

    /** One line: {@code label [#####-----] done/total pct% rate/s m:ss left}. */
    static String render(String label, Progress progress, long elapsedNanos) {
        long total = Math.max(progress.total(), progress.done());
        long done = progress.done();
        double ratio = total == 0 ? 1.0 : (double) done / total;
        int filled = (int) Math.round(ratio * WIDTH);
        StringBuilder line = new StringBuilder(label).append(" [")
                .append("#".repeat(filled)).append("-".repeat(WIDTH - filled)).append("] ")
                .append(done).append('/').append(total)
                .append(String.format(" %3d%%", (int) Math.floor(ratio * 100)));
        double seconds = elapsedNanos / (double) TimeUnit.SECONDS.toNanos(1);
        if (done > 0 && seconds > 0) {
            double rate = done / seconds;
            long remaining = Math.max(0, total - done);
            line.append(String.format("  %.0f records/s  %s left", rate, duration(Math.round(remaining / rate))));
        } else {
            line.append("  -- records/s  --:-- left");
        }
        if (progress.failed() > 0) {
            line.append("  ").append(progress.failed()).append(" failed");
        }
        return line.toString();
    }

    private static String duration(long seconds) {
        long hours = seconds / 3600;
        long minutes = seconds % 3600 / 60;
        long secs = seconds % 60;
        return hours > 0
                ? String.format("%d:%02d:%02d", hours, minutes, secs)
                : String.format("%d:%02d", minutes, secs);
    }
}
