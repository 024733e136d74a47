package org.rekey.application.port.out;

import java.util.function.Supplier;

/**
 * A database transaction boundary. Store ports called inside {@code work} join its transaction;
 * called outside one, each call runs in a short transaction of its own.
 */
public interface TransactionPort {

    /**
     * Runs {@code work} in one transaction: commits when it returns, rolls back when it throws.
     * A nested call joins the outer transaction.
     */
    <T> T inTransaction(Supplier<T> work);
}
