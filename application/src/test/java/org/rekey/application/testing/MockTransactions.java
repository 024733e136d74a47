package org.rekey.application.testing;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.lenient;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.rekey.application.port.out.TransactionPort;

/**
 * Makes a Mockito mock of {@link TransactionPort} run its work inline, and tells whether a transaction is
 * open, so that a stubbed store port can assert it was called inside one.
 */
public final class MockTransactions {

    private final AtomicInteger open = new AtomicInteger();

    private MockTransactions() {
    }

    /** Stubs {@code mock} (leniently: a test may never open a transaction) to run each work inline. */
    public static MockTransactions runInline(TransactionPort mock) {
        MockTransactions transactions = new MockTransactions();
        lenient().when(mock.inTransaction(any())).thenAnswer(call -> {
            transactions.open.incrementAndGet();
            try {
                return ((Supplier<?>) call.getArgument(0)).get();
            } finally {
                transactions.open.decrementAndGet();
            }
        });
        return transactions;
    }

    public boolean isOpen() {
        return open.get() > 0;
    }
}
