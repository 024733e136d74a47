package org.rekey.adapter.persistence;

/** The job and audit contract on rekey's schema on H2. */
class H2JobAndAuditStoreTest extends RekeySchemaJobAndAuditStoreContract {

    private final H2TestDatabase h2 = new H2TestDatabase();

    @Override
    protected TestDatabase testDatabase() {
        return h2;
    }
}
