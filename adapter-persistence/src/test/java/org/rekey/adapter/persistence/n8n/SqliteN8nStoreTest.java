package org.rekey.adapter.persistence.n8n;

/** n8n's store on n8n 2.41's SQLite schema. */
class SqliteN8nStoreTest extends N8nStoreContract {

    private static N8nTestDatabase shared;

    @Override
    protected N8nTestDatabase database() throws Exception {
        if (shared == null) {
            shared = openDatabase();
        }
        return shared;
    }

    @Override
    protected N8nTestDatabase openDatabase() throws Exception {
        return N8nTestDatabase.sqlite(N8nTestDatabase.tempFolder());
    }
}
