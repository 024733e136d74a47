package org.rekey.application.port.out;

/** Asks the store whether it can serve now: the database answers and holds rekey's tables. */
public interface CheckStorePort {

    /** Whether the store answered a trivial query on its tables; returns within a few seconds, never throws. */
    boolean storeAnswers();
}
