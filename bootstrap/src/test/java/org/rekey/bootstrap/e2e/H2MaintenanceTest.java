package org.rekey.bootstrap.e2e;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Rollback and instance-key change on the default embedded H2 database. */
class H2MaintenanceTest extends MaintenanceContract {

    @TempDir
    Path userFolder;

    @Override
    Deployment newDeployment() {
        return Deployment.h2(userFolder);
    }
}
