package org.rekey.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/** The secret store contract on rekey's schema on H2. */
class H2SecretStoreTest extends RekeySchemaSecretStoreContract {

    private final H2TestDatabase h2 = new H2TestDatabase();

    @Override
    protected TestDatabase testDatabase() {
        return h2;
    }

    /** H2 locks every row matching the claim, not only the returned ones: the second claimer gets nothing. */
    @Override
    protected void assertSecondClaim(List<String> second) {
        assertThat(second).isEmpty();
    }
}
