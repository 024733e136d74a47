package org.rekey.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rekey.adapter.persistence.n8n.N8nDatabaseSettings;
import org.rekey.domain.error.ErrorCode;
import org.rekey.domain.error.RekeyException;

/** n8n's environment read as n8n 2.41 reads it: the same variables reach the same database and key. */
class N8nEnvironmentTest {

    @TempDir
    Path home;

    private N8nEnvironment environment(String... pairs) {
        Map<String, String> env = new HashMap<>();
        env.put("HOME", home.toString());
        env.put(RekeyConfig.USER_FOLDER, home.resolve("rekey").toString());
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return new N8nEnvironment(new RekeyConfig(env));
    }

    @Test
    void byDefault_sqliteInTheHomeFolders_n8nFolder_andItsConfigFile() {
        N8nEnvironment n8n = environment();

        N8nDatabaseSettings database = n8n.database();

        assertThat(database.kind()).isEqualTo(N8nDatabaseSettings.Kind.SQLITE);
        assertThat(database.sqliteFile()).contains(home.resolve(".n8n/database.sqlite").toAbsolutePath());
        assertThat(n8n.configFile()).isEqualTo(home.resolve(".n8n/config"));
    }

    @Test
    void userFolderAndARelativeSqlitePath_resolveAgainstItsN8nFolder_anAbsoluteOneStands() {
        Path other = home.resolve("srv");

        assertThat(environment("N8N_USER_FOLDER", other.toString(), "DB_SQLITE_DATABASE", "data/n8n.sqlite")
                .database().sqliteFile()).contains(other.resolve(".n8n/data/n8n.sqlite").toAbsolutePath());
        assertThat(environment("DB_SQLITE_DATABASE", "/var/lib/n8n.sqlite").database().sqliteFile())
                .contains(Path.of("/var/lib/n8n.sqlite"));
    }

    @Test
    void postgres_fromN8nsVariables_withSchemaAndPrefix_andThePasswordFromAFile() throws Exception {
        Path password = Files.writeString(home.resolve("pw"), "s3cret\n");

        N8nDatabaseSettings database = environment("DB_TYPE", "postgresdb", "DB_POSTGRESDB_HOST", "db.internal",
                "DB_POSTGRESDB_PORT", "6432", "DB_POSTGRESDB_DATABASE", "flows", "DB_POSTGRESDB_USER", "n8n",
                "DB_POSTGRESDB_PASSWORD_FILE", password.toString(), "DB_POSTGRESDB_SCHEMA", "n8n",
                "DB_TABLE_PREFIX", "rk_").database();

        assertThat(database.jdbcUrl()).startsWith("jdbc:postgresql://db.internal:6432/flows?currentSchema=n8n")
                .doesNotContain("ssl");
        assertThat(database.user()).isEqualTo("n8n");
        assertThat(database.password()).isEqualTo("s3cret");
        assertThat(database.tablePrefix()).isEqualTo("rk_");
        assertThat(database.toString()).doesNotContain("s3cret");
    }

    @Test
    void tls_isOnAsN8nTurnsItOn_withThePemContentsWrittenPrivately() throws Exception {
        N8nDatabaseSettings database = environment("DB_TYPE", "postgresdb",
                "DB_POSTGRESDB_SSL_CA", "-----BEGIN CERTIFICATE-----\\nMIIB\\n-----END CERTIFICATE-----").database();

        assertThat(database.jdbcUrl()).contains("ssl=true", "sslmode=verify-full", "sslrootcert=");
        Path ca = home.resolve("rekey/n8n-tls/ca.pem");
        assertThat(Files.readString(ca)).contains("BEGIN CERTIFICATE-----\nMIIB");
        assertThat(Files.getPosixFilePermissions(ca)).hasSize(2);
        assertThat(environment("DB_TYPE", "postgresdb", "DB_POSTGRESDB_SSL_REJECT_UNAUTHORIZED", "false")
                .database().jdbcUrl()).contains("ssl=true", "sslmode=require");
    }

    @Test
    void anUnknownDatabaseType_orABadPrefix_isRefusedClearly() {
        assertThatThrownBy(() -> environment("DB_TYPE", "mysqldb").database())
                .isInstanceOfSatisfying(RekeyException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
                    assertThat(e.getMessage()).contains("DB_TYPE", "sqlite or postgresdb");
                });
        assertThatThrownBy(() -> environment("DB_TABLE_PREFIX", "rk; drop").database())
                .isInstanceOfSatisfying(RekeyException.class,
                        e -> assertThat(e.getMessage()).contains("DB_TABLE_PREFIX"));
    }
}
