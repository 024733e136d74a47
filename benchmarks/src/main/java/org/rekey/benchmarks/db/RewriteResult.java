package org.rekey.benchmarks.db;

import java.time.Duration;

/** What one reference rewrite did: rows rewritten, batches committed, and how long it took. */
public record RewriteResult(long rows, int batches, Duration elapsed) {

    /** One line for scripts to parse: {@code rows=N batches=B millis=T}. */
    public String summary() {
        return "rows=" + rows + " batches=" + batches + " millis=" + elapsed.toMillis();
    }
}
