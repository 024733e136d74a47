package org.rekey.application.port.in.maintenance;

/** Receives progress of a long job, after each batch. */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = progress -> { };

    void onProgress(Progress progress);

    /** Tells this listener, then {@code next}. */
    default ProgressListener andThen(ProgressListener next) {
        return progress -> {
            onProgress(progress);
            next.onProgress(progress);
        };
    }
}
