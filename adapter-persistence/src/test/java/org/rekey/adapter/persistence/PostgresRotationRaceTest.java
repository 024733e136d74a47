package org.rekey.adapter.persistence;

import org.junit.jupiter.api.extension.RegisterExtension;

/** Rotation races on PostgreSQL: two pools on one schema. */
class PostgresRotationRaceTest extends RotationRaceContract {

    @RegisterExtension
    static final PostgresTestSchema POSTGRES = new PostgresTestSchema(4);

    @Override
    protected TestDatabase testDatabase() {
        return POSTGRES;
    }
}
