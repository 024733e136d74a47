package org.rekey.adapter.persistence;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The data key store contract on PostgreSQL. */
class PostgresDataKeyStoreTest extends DataKeyStoreContract {

    @RegisterExtension
    static final PostgresTestSchema POSTGRES = new PostgresTestSchema();

    @Override
    protected TestDatabase testDatabase() {
        return POSTGRES;
    }
}
