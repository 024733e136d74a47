package org.rekey.bootstrap.e2e;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Start-up on the default embedded H2 database. */
class H2StartupTest extends StartupContract {

    @TempDir
    Path userFolder;

    @Override
    Deployment newDeployment() {
        return Deployment.h2(userFolder);
    }
}
