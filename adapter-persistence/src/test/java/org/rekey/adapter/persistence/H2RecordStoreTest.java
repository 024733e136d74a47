package org.rekey.adapter.persistence;

/** The record store contract on H2. */
class H2RecordStoreTest extends RecordStoreContract {

    private final H2TestDatabase h2 = new H2TestDatabase();

    @Override
    protected TestDatabase testDatabase() {
        return h2;
    }
}
