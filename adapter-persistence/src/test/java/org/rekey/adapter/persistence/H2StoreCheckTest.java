package org.rekey.adapter.persistence;

/** The store check on H2. */
class H2StoreCheckTest extends StoreCheckContract {

    @Override
    protected TestDatabase freshDatabase() {
        return new H2TestDatabase();
    }
}
