package org.rekey.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The secret store contract on rekey's schema on PostgreSQL. */
class PostgresSecretStoreTest extends RekeySchemaSecretStoreContract {

    @RegisterExtension
    static final PostgresTestSchema POSTGRES = new PostgresTestSchema();

    @Override
    protected TestDatabase testDatabase() {
        return POSTGRES;
    }

    /** SKIP LOCKED: the second claimer gets the next unlocked rows at once. */
    @Override
    protected void assertSecondClaim(List<String> second) {
        assertThat(second).containsExactly("r3", "r4", "r5");
    }
}
