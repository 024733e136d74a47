package org.rekey.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code CheckStorePort} on a real database: yes while it serves rekey's tables, no once they or it are gone. */
abstract class StoreCheckContract {

    /** A database of its own for one test, which the test may break. */
    protected abstract TestDatabase freshDatabase() throws Exception;

    private Database database;

    @AfterEach
    void closeDatabase() {
        if (database != null) {
            database.close();
        }
    }

    private TestDatabase open() throws Exception {
        TestDatabase test = freshDatabase();
        database = Database.open(test.settings());
        return test;
    }

    @Test
    void answers_whileTheDatabaseServesItsTables() throws Exception {
        open();

        assertThat(database.storeCheck().storeAnswers()).isTrue();
        assertThat(database.storeCheck().storeAnswers()).as("asked again").isTrue();
    }

    @Test
    void doesNotAnswer_onceATableItServesIsGone() throws Exception {
        TestDatabase test = open();
        assertThat(database.storeCheck().storeAnswers()).isTrue();

        test.execute("DROP TABLE credentials_entity");

        assertThat(database.storeCheck().storeAnswers()).isFalse();
    }

    @Test
    void doesNotAnswer_onceTheDatabaseIsClosed() throws Exception {
        open();

        database.close();

        assertThat(database.storeCheck().storeAnswers()).isFalse();
        database = null;
    }
}
