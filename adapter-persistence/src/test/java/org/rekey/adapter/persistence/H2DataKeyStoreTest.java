package org.rekey.adapter.persistence;

/** The data key store contract on H2. */
class H2DataKeyStoreTest extends DataKeyStoreContract {

    private final H2TestDatabase h2 = new H2TestDatabase();

    @Override
    protected TestDatabase testDatabase() {
        return h2;
    }
}
