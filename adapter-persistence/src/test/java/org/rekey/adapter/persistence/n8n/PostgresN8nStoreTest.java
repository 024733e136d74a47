package org.rekey.adapter.persistence.n8n;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.rekey.adapter.persistence.PostgresTestSchema;

/** n8n's store on n8n 2.41's PostgreSQL schema, with DB_TABLE_PREFIX=rk_ (the prefixed dump). */
class PostgresN8nStoreTest extends N8nStoreContract {

    @RegisterExtension
    static final PostgresTestSchema POSTGRES = new PostgresTestSchema();

    @RegisterExtension
    static final PostgresTestSchema OLDER = new PostgresTestSchema();

    private static N8nTestDatabase shared;

    @Override
    protected N8nTestDatabase database() throws Exception {
        if (shared == null) {
            shared = N8nTestDatabase.postgres(POSTGRES, "rk_");
        }
        return shared;
    }

    @Override
    protected N8nTestDatabase openDatabase() throws Exception {
        return N8nTestDatabase.postgres(OLDER, "rk_");
    }
}
