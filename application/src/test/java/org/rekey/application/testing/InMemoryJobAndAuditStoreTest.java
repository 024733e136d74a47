package org.rekey.application.testing;

import org.rekey.application.port.out.contract.JobAndAuditStoreContract;

/** The job and audit contract on the in-memory fake the service tests use. */
class InMemoryJobAndAuditStoreTest extends JobAndAuditStoreContract {

    @Override
    protected OwnStore newStore() {
        InMemoryStore store = new InMemoryStore();
        return new OwnStore(store, store, store);
    }
}
