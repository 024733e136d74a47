package org.rekey.application.testing;

import java.util.List;
import java.util.stream.IntStream;
import org.rekey.application.port.out.SecretLocation;
import org.rekey.application.port.out.contract.SecretStoreContract;

/** The secret store contract on the in-memory fake the service tests use, so that it behaves as the databases do. */
class InMemorySecretStoreTest extends SecretStoreContract {

    private InMemoryStore store;

    @Override
    protected SecretStore newStore() {
        store = new InMemoryStore();
        return new SecretStore(store, store, store);
    }

    /** Ids of both cases, so that order is by code point ("S001" before "s000"). */
    @Override
    protected List<SecretLocation> locations(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> new SecretLocation(InMemoryStore.TABLE, String.format(i % 2 == 0 ? "s%03d" : "S%03d", i),
                        InMemoryStore.FIELD))
                .toList();
    }

    @Override
    protected void insertSecretRaw(SecretLocation location, String value) {
        store.insertRecord(Fixtures.raw(location.rowId(), value));
    }
}
