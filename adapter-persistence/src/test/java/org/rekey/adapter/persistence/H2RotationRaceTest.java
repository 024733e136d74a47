package org.rekey.adapter.persistence;

/** Rotation races on H2: two pools on one in-memory database of one process. */
class H2RotationRaceTest extends RotationRaceContract {

    private final H2TestDatabase h2 = new H2TestDatabase();

    @Override
    protected TestDatabase testDatabase() {
        return h2;
    }
}
