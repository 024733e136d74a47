package org.rekey.adapter.persistence.n8n;

/** The secret store contract on n8n 2.41's schema on SQLite. */
class SqliteN8nSecretStoreTest extends N8nSecretStoreContract {

    @Override
    protected N8nTestDatabase openDatabase() throws Exception {
        return N8nTestDatabase.sqlite(N8nTestDatabase.tempFolder());
    }
}
