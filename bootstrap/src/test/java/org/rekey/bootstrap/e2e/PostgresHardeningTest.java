package org.rekey.bootstrap.e2e;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.rekey.adapter.persistence.PostgresTestSchema;

/** Hostile input and broken rows on PostgreSQL. */
class PostgresHardeningTest extends HardeningContract {

    @RegisterExtension
    static final PostgresTestSchema SCHEMA = new PostgresTestSchema();

    @TempDir
    Path userFolder;

    @Override
    Deployment newDeployment() throws Exception {
        return Deployment.freshPostgres(SCHEMA, userFolder);
    }
}
