package org.rekey.adapter.persistence;

/** The transaction contract on H2. */
class H2TransactionTest extends TransactionContract {

    private final H2TestDatabase h2 = new H2TestDatabase();

    @Override
    protected TestDatabase testDatabase() {
        return h2;
    }
}
