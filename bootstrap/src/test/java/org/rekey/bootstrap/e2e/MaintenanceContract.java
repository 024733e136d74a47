package org.rekey.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rekey.bootstrap.e2e.SeedWalkthroughContract.ok;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rekey.bootstrap.Cli;
import org.rekey.bootstrap.RekeyConfig;
import org.rekey.domain.key.InstanceKey;

/** Rollback to legacy and instance-key change through the real command line, on a real database. */
abstract class MaintenanceContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NEW_KEY = "the-new-instance-key-42";

    abstract Deployment newDeployment() throws Exception;

    private Deployment d;
    private final Map<String, String> written = new LinkedHashMap<>();

    @BeforeEach
    void recordsOnSeveralKeys() throws Exception {
        d = newDeployment();
        d.rotation(false);
        create("legacy", "{\"token\":\"written-before-rotation\"}");
        d.rotation(true);
        create("first", "{\"token\":\"on-the-first-key\"}");
        ok(d.run("keys", "rotate"));
        create("second", "{\"token\":\"on-the-second-key\", \"n\": 2}");
    }

    @Test
    void downgrade_leavesEveryValueInTheLegacyFormat_readableByPlainOpenssl() throws Exception {
        ok(d.run("downgrade", "--to-legacy", "--batch-size", "2"));

        JsonNode exported = ok(d.run("credentials", "export")).json();
        assertThat(exported).hasSize(written.size());
        for (JsonNode credential : exported) {
            String value = credential.get("data").asText();
            assertThat(value).doesNotContain(":");
            assertThat(JSON.readTree(Openssl.decrypt(value, Deployment.KEY))).isEqualTo(JSON.readTree(written.get(credential.get("id").asText())));
        }
        assertThat(ok(d.run("keys", "list", "--json")).json().get("legacyRecordCount").asLong()).isEqualTo(3);
        assertThat(ok(d.rotation(false).run("verify")).exit()).isZero();
    }

    @Test
    void instanceKeyChange_fromTheEnvironment_onlyTheNewKeyStartsAfterwards() {
        ok(d.set("REKEY_NEXT_KEY", NEW_KEY).run("instance-key", "change", "--from-env", "REKEY_NEXT_KEY"));

        Cli.Result oldKey = d.run("keys", "list");
        assertThat(oldKey.exit()).as(oldKey.toString()).isEqualTo(1);
        assertThat(oldKey.err()).contains("N8N_ENCRYPTION_KEY").contains("instance-key change");

        d.set(RekeyConfig.ENCRYPTION_KEY, NEW_KEY);
        ok(d.run("verify"));
        assertEveryCredentialReadsAsWritten();
    }

    @Test
    void instanceKeyChange_keyKeptInTheConfigFile_updatesTheConfigFile() throws Exception {
        Path config = d.userFolder().resolve("config");
        Files.writeString(config, "{\"encryptionKey\":\"" + Deployment.KEY + "\",\"other\":\"kept\"}");
        d.set(RekeyConfig.ENCRYPTION_KEY, null);
        Path newKeyFile = Files.writeString(d.userFolder().resolve("new-key"), NEW_KEY + "\n");

        ok(d.run("instance-key", "change", "--from-file", newKeyFile.toString()));

        JsonNode saved = JSON.readTree(Files.readString(config));
        assertThat(saved.get("encryptionKey").asText()).isEqualTo(NEW_KEY);
        assertThat(saved.get("other").asText()).isEqualTo("kept");
        assertEveryCredentialReadsAsWritten();
    }

    @Test
    void instanceKeyChange_killedBeforeTheConfigFileUpdate_saysWhichSourceHoldsWhichKey_andARerunFinishes()
            throws Exception {
        Path config = d.userFolder().resolve("config");
        String oldConfig = "{\"encryptionKey\":\"" + Deployment.KEY + "\"}";
        Files.writeString(config, oldConfig);
        d.set(RekeyConfig.ENCRYPTION_KEY, null).set("REKEY_NEXT_KEY", NEW_KEY);
        ok(d.run("instance-key", "change", "--from-env", "REKEY_NEXT_KEY"));
        Files.writeString(config, oldConfig); // as if killed after the re-wrap, before the config file was updated

        Cli.Result stuck = d.run("keys", "list");

        assertThat(stuck.exit()).as(stuck.toString()).isEqualTo(1);
        assertThat(stuck.err()).contains("from the config file " + config,
                "the config file " + config + " holds key " + InstanceKey.of(Deployment.KEY).fingerprint(),
                "N8N_ENCRYPTION_KEY unset", "rekey instance-key change --from-env")
                .doesNotContain(Deployment.KEY).doesNotContain(NEW_KEY);

        ok(d.run("instance-key", "change", "--from-env", "REKEY_NEXT_KEY"));

        assertThat(JSON.readTree(Files.readString(config)).get("encryptionKey").asText()).isEqualTo(NEW_KEY);
        ok(d.run("verify"));
        assertEveryCredentialReadsAsWritten();
    }

    @Test
    void instanceKeyChange_refusesTheKeyInUse_andChangesNothing() throws Exception {
        var before = d.dump();
        Cli.Result same = d.set("REKEY_NEXT_KEY", Deployment.KEY).run("instance-key", "change", "--from-env",
                "REKEY_NEXT_KEY");
        assertThat(same.exit()).as(same.toString()).isEqualTo(2);
        assertThat(same.out() + same.err()).doesNotContain(Deployment.KEY);
        assertThat(d.dump()).isEqualTo(before);
    }

    @Test
    void exportDecrypted_withARecordThatDoesNotDecrypt_namesIt_andKeepGoingExportsTheOthers() throws Exception {
        String broken = written.keySet().iterator().next();
        try (Connection connection = d.connect(); PreparedStatement update = connection.prepareStatement(
                "UPDATE credentials_entity SET data = ?, key_id = NULL WHERE id = ?")) {
            update.setString(1, InstanceKey.of("not-this-deployments-key").encryptLegacy("{}"));
            update.setString(2, broken);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }

        Cli.Result stopped = d.run("credentials", "export", "--decrypted");
        assertThat(stopped.exit()).as(stopped.toString()).isEqualTo(2);
        assertThat(stopped.err()).contains("error: credential " + broken + " does not decrypt", "--keep-going");

        Cli.Result kept = d.run("credentials", "export", "--decrypted", "--keep-going");
        assertThat(kept.exit()).as(kept.toString()).isEqualTo(1);
        assertThat(kept.json()).hasSize(written.size() - 1);
        assertThat(kept.err()).contains("not exported: credential " + broken + ": ", "[DECRYPTION_FAILED]",
                "error: 1 credentials do not decrypt");
    }

    private void create(String name, String data) {
        String id = ok(d.run("credentials", "create", "--name", name, "--type", "t", "--data", data, "--json"))
                .json().get("id").asText();
        written.put(id, data);
    }

    private void assertEveryCredentialReadsAsWritten() {
        written.forEach((id, data) -> {
            try {
                assertThat(ok(d.run("credentials", "get", id, "--json")).json().get("data"))
                        .isEqualTo(JSON.readTree(data));
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
    }
}
