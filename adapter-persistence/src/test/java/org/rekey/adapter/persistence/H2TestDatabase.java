package org.rekey.adapter.persistence;

import java.util.UUID;

/** A fresh, uniquely named H2 in-memory database; it lives while a {@link Database} on it is open. */
public final class H2TestDatabase implements TestDatabase {

    private final String url = "jdbc:h2:mem:rekey_test_" + UUID.randomUUID().toString().replace("-", "");

    @Override
    public DatabaseSettings settings() {
        return new DatabaseSettings(url, "sa", "", 4);
    }

    @Override
    public String vendorName() {
        return "H2";
    }
}
