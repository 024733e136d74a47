package org.rekey.application.port.in.maintenance;

/** How far a long job has come: records done (changed, skipped or failed) out of the total it started with. */
public record Progress(long done, long total, long failed) {
    public long remaining() {
        return Math.max(0, total - done);
    }
}
