package org.rekey.adapter.persistence;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The record store contract on PostgreSQL. */
class PostgresRecordStoreTest extends RecordStoreContract {

    @RegisterExtension
    static final PostgresTestSchema POSTGRES = new PostgresTestSchema();

    @Override
    protected TestDatabase testDatabase() {
        return POSTGRES;
    }
}
