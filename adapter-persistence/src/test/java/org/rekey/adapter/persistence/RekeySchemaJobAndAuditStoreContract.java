package org.rekey.adapter.persistence;

import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.rekey.application.port.out.contract.JobAndAuditStoreContract;

/** The job and audit contract on rekey's own schema; one {@link Database} per test class, emptied before each test. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RekeySchemaJobAndAuditStoreContract extends JobAndAuditStoreContract {

    private Database database;

    protected abstract TestDatabase testDatabase();

    @Override
    protected OwnStore newStore() throws SQLException {
        if (database == null) {
            database = Database.open(testDatabase().settings());
        }
        testDatabase().execute("DELETE FROM job", "DELETE FROM audit_entry");
        return new OwnStore(database.transactions(), database.jobs(), database.audit());
    }

    @AfterAll
    void closeDatabase() {
        if (database != null) {
            database.close();
        }
    }
}
