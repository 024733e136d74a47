package org.rekey.bootstrap.e2e;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Hostile input and broken rows on the default embedded H2 database. */
class H2HardeningTest extends HardeningContract {

    @TempDir
    Path userFolder;

    @Override
    Deployment newDeployment() {
        return Deployment.h2(userFolder);
    }
}
