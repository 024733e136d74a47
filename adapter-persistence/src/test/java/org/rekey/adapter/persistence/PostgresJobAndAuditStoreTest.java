package org.rekey.adapter.persistence;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The job and audit contract on rekey's schema on PostgreSQL. */
class PostgresJobAndAuditStoreTest extends RekeySchemaJobAndAuditStoreContract {

    @RegisterExtension
    static final PostgresTestSchema POSTGRES = new PostgresTestSchema();

    @Override
    protected TestDatabase testDatabase() {
        return POSTGRES;
    }
}
