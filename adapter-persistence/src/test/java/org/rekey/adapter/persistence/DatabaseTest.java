package org.rekey.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rekey.adapter.persistence.Fixtures.T0;
import static org.rekey.adapter.persistence.Fixtures.record;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rekey.application.error.ApplicationErrorCode;
import org.rekey.domain.error.ErrorCode;
import org.rekey.domain.error.RekeyException;
import org.rekey.domain.key.Keyring;
import org.rekey.domain.record.RecordId;

/** Opening, migrating, checking and closing a {@link Database}. */
class DatabaseTest {

    private static final String PASSWORD = "s3cr3t-Passw0rd";

    @Test
    void unsupportedUrlScheme_isRejectedAsInvalidInput_withoutThePassword() {
        assertThatThrownBy(() -> Database.open(DatabaseSettings.of(
                "jdbc:mysql://db.example:3306/rekey?user=u&password=" + PASSWORD, "u", PASSWORD)))
                .isInstanceOfSatisfying(RekeyException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
                    assertThat(e.getMessage()).contains("jdbc:mysql://db.example:3306/rekey")
                            .contains("jdbc:h2:").contains("jdbc:postgresql:").doesNotContain(PASSWORD);
                });
    }

    @Test
    void unreachablePostgres_failsWithStorageFailure_namingTheUrlWithoutThePassword() {
        String url = "jdbc:postgresql://127.0.0.1:1/rekey?user=rekey&password=" + PASSWORD;

        assertThatThrownBy(() -> Database.open(new DatabaseSettings(url, "rekey", PASSWORD, 2)))
                .isInstanceOfSatisfying(RekeyException.class, e -> {
                    assertThat(e.code()).isEqualTo(ApplicationErrorCode.STORAGE_FAILURE);
                    assertThat(e.getMessage()).contains("cannot connect").contains("jdbc:postgresql://127.0.0.1:1/rekey")
                            .doesNotContain(PASSWORD);
                });
    }

    @Test
    void wrongH2Password_failsWithStorageFailure_withoutThePassword(@TempDir Path folder) {
        String url = "jdbc:h2:file:" + folder.resolve("db");
        Database.open(new DatabaseSettings(url, "sa", "right-password", 2)).close();

        assertThatThrownBy(() -> Database.open(new DatabaseSettings(url, "sa", PASSWORD, 2)))
                .isInstanceOfSatisfying(RekeyException.class, e -> {
                    assertThat(e.code()).isEqualTo(ApplicationErrorCode.STORAGE_FAILURE);
                    assertThat(e.getMessage()).contains(url).doesNotContain(PASSWORD);
                });
    }

    @Test
    void h2FileDatabase_keepsItsDataAcrossRestarts_andMigratesOnlyOnce(@TempDir Path folder) throws SQLException {
        DatabaseSettings settings = new DatabaseSettings("jdbc:h2:file:" + folder.resolve("rekey"), "sa", "", 2);
        Keyring keyring;
        try (Database database = Database.open(settings)) {
            keyring = Fixtures.seedInto(database, T0);
            database.records().insertRecord(record("kept", keyring));
        }

        try (Database reopened = Database.open(settings)) {
            assertThat(reopened.dataKeys().loadDataKeys()).containsExactlyInAnyOrderElementsOf(keyring.keys());
            assertThat(reopened.records().loadRecord(new RecordId("kept"))).isPresent();
        }
        try (Connection connection = DriverManager.getConnection(settings.jdbcUrl(), "sa", "");
                Statement statement = connection.createStatement();
                ResultSet history = statement.executeQuery("SELECT \"version\", \"success\""
                        + " FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\"")) {
            List<String> applied = new ArrayList<>();
            while (history.next()) {
                assertThat(history.getBoolean(2)).isTrue();
                applied.add(history.getString(1));
            }
            assertThat(applied).containsExactly("1", "2", "4");
        }
    }

    @Test
    void inMemoryH2Database_livesWhileOpen_andIsGoneAfterClose() {
        DatabaseSettings settings = new H2TestDatabase().settings();
        try (Database database = Database.open(settings)) {
            Fixtures.seedInto(database, T0);
            assertThat(database.dataKeys().loadDataKeys()).hasSize(2);
        }

        try (Database fresh = Database.open(settings)) {
            assertThat(fresh.dataKeys().loadDataKeys()).isEmpty();
        }
    }

    @Test
    void storeAnswers_whileOpen_andNotAfterClose() {
        Database database = Database.open(new H2TestDatabase().settings());
        assertThat(database.storeCheck().storeAnswers()).isTrue();

        database.close();

        assertThat(database.storeCheck().storeAnswers()).isFalse();
    }

    @Test
    void storeCallsAfterClose_failWithStorageFailure() {
        Database database = Database.open(new H2TestDatabase().settings());
        database.close();

        assertThatThrownBy(() -> database.records().countRecords())
                .isInstanceOfSatisfying(RekeyException.class,
                        e -> assertThat(e.code()).isEqualTo(ApplicationErrorCode.STORAGE_FAILURE));
    }

    @Test
    void settings_neverShowThePassword() {
        DatabaseSettings settings = new DatabaseSettings(
                "jdbc:postgresql://db/rekey?user=rekey&password=" + PASSWORD + "&ssl=true", "rekey", PASSWORD, 5);

        assertThat(settings.toString()).doesNotContain(PASSWORD).contains("jdbc:postgresql://db/rekey")
                .contains("ssl=true").contains("user=rekey");
    }

    @Test
    void settings_rejectABlankUrlAndAPoolSizeOutOfRange() {
        assertThatThrownBy(() -> DatabaseSettings.of(" ", null, null))
                .isInstanceOfSatisfying(RekeyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT));
        assertThatThrownBy(() -> new DatabaseSettings("jdbc:h2:mem:x", null, null, 0))
                .isInstanceOfSatisfying(RekeyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT));
    }

    @Test
    void jdbcUrls_maskPasswordsInPostgresAndH2Syntax() {
        assertThat(JdbcUrls.redact("jdbc:postgresql://h/db?user=u&password=" + PASSWORD + "&sslpassword=x&a=b"))
                .isEqualTo("jdbc:postgresql://h/db?user=u&password=***&sslpassword=***&a=b");
        assertThat(JdbcUrls.redact("jdbc:h2:file:/data/rekey;USER=sa;PASSWORD=" + PASSWORD + ";MODE=Regular"))
                .isEqualTo("jdbc:h2:file:/data/rekey;USER=sa;PASSWORD=***;MODE=Regular");
    }
}
