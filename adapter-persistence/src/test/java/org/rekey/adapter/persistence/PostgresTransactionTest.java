package org.rekey.adapter.persistence;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The transaction contract on PostgreSQL. */
class PostgresTransactionTest extends TransactionContract {

    @RegisterExtension
    static final PostgresTestSchema POSTGRES = new PostgresTestSchema();

    @Override
    protected TestDatabase testDatabase() {
        return POSTGRES;
    }
}
