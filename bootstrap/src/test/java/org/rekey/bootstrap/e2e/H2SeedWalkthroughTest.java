package org.rekey.bootstrap.e2e;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The walkthrough on the default embedded H2 database in the user folder. */
class H2SeedWalkthroughTest extends SeedWalkthroughContract {

    @TempDir
    Path userFolder;

    @Override
    Deployment newDeployment() {
        return Deployment.h2(userFolder);
    }
}
