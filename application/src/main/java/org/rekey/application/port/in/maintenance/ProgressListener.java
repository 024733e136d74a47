package org.rekey.application.port.in.maintenance;

/** Receives progress of a long job, after each batch. */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = progress -> { };

    void onProgress(Progress progress);
}
