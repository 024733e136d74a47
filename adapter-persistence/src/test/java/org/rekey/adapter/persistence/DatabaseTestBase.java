package org.rekey.adapter.persistence;

import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * Opens one {@link Database} per test class on the subclass's test database (at the first test, so a
 * skipped PostgreSQL skips first), and empties its tables before each test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DatabaseTestBase {

    protected Database database;

    protected abstract TestDatabase testDatabase();

    @BeforeEach
    void openDatabaseAndEmptyTables() throws SQLException {
        if (database == null) {
            database = Database.open(testDatabase().settings());
        }
        testDatabase().execute("DELETE FROM credentials_entity", "DELETE FROM deployment_key", "DELETE FROM api_key");
    }

    @AfterAll
    void closeDatabase() {
        if (database != null) {
            database.close();
        }
    }
}
