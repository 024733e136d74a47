package org.rekey.adapter.persistence.n8n;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.rekey.adapter.persistence.PostgresTestSchema;

/** The secret store contract on n8n 2.41's schema on PostgreSQL. */
class PostgresN8nSecretStoreTest extends N8nSecretStoreContract {

    @RegisterExtension
    static final PostgresTestSchema POSTGRES = new PostgresTestSchema();

    @Override
    protected N8nTestDatabase openDatabase() throws Exception {
        return N8nTestDatabase.postgres(POSTGRES, "");
    }
}
