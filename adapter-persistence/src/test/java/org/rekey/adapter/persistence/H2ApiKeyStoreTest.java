package org.rekey.adapter.persistence;

/** The API key store contract on H2. */
class H2ApiKeyStoreTest extends ApiKeyStoreContract {

    private final H2TestDatabase h2 = new H2TestDatabase();

    @Override
    protected TestDatabase testDatabase() {
        return h2;
    }
}
