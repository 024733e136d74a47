package org.rekey.application.job;

/** A job's records so far: done (changed, skipped or failed) out of the total it started with, and failed. */
public record JobCounts(long done, long total, long failed) {

    public static final JobCounts NONE = new JobCounts(0, 0, 0);
}
