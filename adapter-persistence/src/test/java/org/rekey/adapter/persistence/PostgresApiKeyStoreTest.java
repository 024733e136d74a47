package org.rekey.adapter.persistence;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The API key store contract on PostgreSQL. */
class PostgresApiKeyStoreTest extends ApiKeyStoreContract {

    @RegisterExtension
    static final PostgresTestSchema POSTGRES = new PostgresTestSchema();

    @Override
    protected TestDatabase testDatabase() {
        return POSTGRES;
    }
}
