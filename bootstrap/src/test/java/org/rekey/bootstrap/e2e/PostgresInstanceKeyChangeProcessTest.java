package org.rekey.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rekey.bootstrap.e2e.SeedWalkthroughContract.ok;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.rekey.application.service.keyring.StartOptions;
import org.rekey.application.port.in.backup.BackupListener;
import org.rekey.adapter.persistence.PostgresTestSchema;
import org.rekey.application.port.in.credential.CreateCredentialCommand;
import org.rekey.bootstrap.Cli;
import org.rekey.bootstrap.RekeyApp;
import org.rekey.bootstrap.RekeyConfig;

/**
 * {@code rekey instance-key change} killed with SIGKILL midway on PostgreSQL: afterwards the old key still
 * starts rekey and reads everything, the new key is refused with a message that says what to do, and
 * running the change again finishes it.
 */
class PostgresInstanceKeyChangeProcessTest {

    private static final String NEW_KEY = "the-next-instance-key-0001";

    @RegisterExtension
    static final PostgresTestSchema SCHEMA = new PostgresTestSchema();

    @TempDir
    Path userFolder;

    @Test
    void killedMidway_oldKeyStillWorks_newKeySaysWhatToDo_andARerunFinishes() throws Exception {
        Deployment d = Deployment.freshPostgres(SCHEMA, userFolder).set("REKEY_NEXT_KEY", NEW_KEY);
        seed(d.rotation(false), 400);
        seed(d.rotation(true), 1600);
        ok(d.run("keys", "rotate"));
        Path log = Files.createTempFile(userFolder, "change", ".log");

        RekeyProcess change = RekeyProcess.start(d.env(), log, "instance-key", "change", "--from-env",
                "REKEY_NEXT_KEY", "--batch-size", "20");
        while (change.isAlive() && onActiveKey(d) < 300) {
            Thread.sleep(5);
        }
        change.kill();
        assertThat(onActiveKey(d)).as("killed before the end").isLessThan(2000);

        ok(d.run("verify"));
        Cli.Result withNewKey = Cli.run(withKey(d, NEW_KEY), "keys", "list");
        assertThat(withNewKey.exit()).as(withNewKey.toString()).isEqualTo(1);
        assertThat(withNewKey.err()).contains("N8N_ENCRYPTION_KEY").contains("instance-key change");

        ok(d.run("instance-key", "change", "--from-env", "REKEY_NEXT_KEY"));

        Cli.Result withOldKey = d.run("keys", "list");
        assertThat(withOldKey.exit()).as(withOldKey.toString()).isEqualTo(1);
        Cli.Result verified = Cli.run(withKey(d, NEW_KEY), "verify", "--json");
        assertThat(ok(verified).json().get("total").asLong()).isEqualTo(2000);
    }

    private static Map<String, String> withKey(Deployment d, String key) {
        Map<String, String> env = new HashMap<>(d.env());
        env.put(RekeyConfig.ENCRYPTION_KEY, key);
        return env;
    }

    private static void seed(Deployment d, int count) {
        try (RekeyApp app = RekeyApp.open(new RekeyConfig(d.env()), StartOptions.NONE, BackupListener.NONE)) {
            for (int i = 0; i < count; i++) {
                app.credentials().createCredential().createCredential(
                        new CreateCredentialCommand("c" + i, "t", "{\"secret\":\"s" + i + "\"}"));
            }
        }
    }

    private static long onActiveKey(Deployment d) throws Exception {
        return d.count("SELECT COUNT(*) FROM credentials_entity c JOIN deployment_key k ON c.key_id = k.id"
                + " WHERE k.status = 'active'");
    }
}
