package org.rekey.adapter.persistence;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The store check on PostgreSQL. */
class PostgresStoreCheckTest extends StoreCheckContract {

    @RegisterExtension
    static final PostgresTestSchema POSTGRES = new PostgresTestSchema();

    @Override
    protected TestDatabase freshDatabase() throws Exception {
        POSTGRES.drop();
        POSTGRES.create(PostgresStoreCheckTest.class.getSimpleName());
        return POSTGRES;
    }
}
