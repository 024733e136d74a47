package org.rekey.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rekey.bootstrap.e2e.SeedWalkthroughContract.ok;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rekey.bootstrap.Cli;
import org.rekey.bootstrap.RekeyConfig;
import org.rekey.domain.key.DataKey;
import org.rekey.domain.key.InstanceKey;
import org.rekey.domain.key.Keyring;
import org.rekey.domain.key.WriteFormat;

/**
 * Start-up rules (README "Configuration", docs/ARCHITECTURE.md §4.4) through the real command line, on a real
 * database.
 */
abstract class StartupContract {

    abstract Deployment newDeployment() throws Exception;

    private Deployment d;

    @BeforeEach
    void deploy() throws Exception {
        d = newDeployment();
    }

    @Test
    void wrongInstanceKey_refusesToStart_andChangesNothing() throws Exception {
        d.rotation(true);
        ok(d.run("credentials", "create", "--name", "n", "--type", "t", "--data", "{\"a\":1}"));
        List<String> before = d.dump();

        Cli.Result wrong = d.set(RekeyConfig.ENCRYPTION_KEY, "another-key").run("keys", "list");

        assertThat(wrong.exit()).as(wrong.toString()).isEqualTo(1);
        assertThat(wrong.err()).startsWith("error:").contains("N8N_ENCRYPTION_KEY").doesNotContain("another-key");
        assertThat(d.dump()).isEqualTo(before);
    }

    @Test
    void wrongInstanceKey_beforeAnyKeyIsSeeded_isCaughtByTheLegacyRecords() throws Exception {
        ok(d.rotation(false).run("credentials", "create", "--name", "n", "--type", "t", "--data", "{\"a\":1}"));
        List<String> before = d.dump();

        Cli.Result wrong = d.rotation(true).set(RekeyConfig.ENCRYPTION_KEY, "another-key").run("keys", "list");

        assertThat(wrong.exit()).as(wrong.toString()).isEqualTo(1);
        assertThat(d.dump()).as("no key was seeded under the wrong instance key").isEqualTo(before);
    }

    @Test
    void environmentAndConfigFileDisagreeing_refusesToStart() throws Exception {
        Files.createDirectories(d.userFolder());
        Files.writeString(d.userFolder().resolve("config"), "{\"encryptionKey\":\"key-in-the-file\"}");

        Cli.Result result = d.run("keys", "list");

        assertThat(result.exit()).as(result.toString()).isEqualTo(1);
        assertThat(result.err()).contains("differs").doesNotContain("key-in-the-file").doesNotContain(Deployment.KEY);
    }

    @Test
    void configFileThatIsNotUtf8_isBadInput_sayingSo() throws Exception {
        Files.createDirectories(d.userFolder());
        Files.write(d.userFolder().resolve("config"), new byte[] {'{', '"', (byte) 0xe9, '"', ':', '1', '}'});

        Cli.Result result = d.set(RekeyConfig.ENCRYPTION_KEY, null).run("keys", "list");

        assertThat(result.exit()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).startsWith("error:").contains("config", "not UTF-8").contains("[INVALID_INPUT]");
    }

    @Test
    void freshUserFolder_isCreated0700_andEveryFileInIt0600() throws Exception {
        Path folder = d.userFolder().resolve("fresh").resolve("home");
        d.set(RekeyConfig.USER_FOLDER, folder.toString()).set(RekeyConfig.ENCRYPTION_KEY, null).rotation(true);
        ok(d.run("credentials", "create", "--name", "n", "--type", "t", "--data", "{\"a\":1}"));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");
        try (var files = Files.list(folder)) {
            List<Path> regular = files.filter(Files::isRegularFile).toList();
            assertThat(regular).extracting(f -> f.getFileName().toString()).contains("config");
            assertThat(regular).allSatisfy(f -> assertThat(PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(f))).as(f.toString()).isEqualTo("rw-------"));
        }
    }

    @Test
    void configFileWhoseKeyIsNotAString_isBadInput() throws Exception {
        Files.createDirectories(d.userFolder());
        Files.writeString(d.userFolder().resolve("config"), "{\"encryptionKey\": 12345}");

        Cli.Result result = d.set(RekeyConfig.ENCRYPTION_KEY, null).run("keys", "list");

        assertThat(result.exit()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).startsWith("error:").contains("encryptionKey", "not a string")
                .doesNotContain("12345");
    }

    @Test
    void emptyEncryptionKeyVariable_onASeededDatabase_isAnErrorOfItsOwn_andWritesNoKeyFile() throws Exception {
        ok(d.rotation(true).run("credentials", "create", "--name", "n", "--type", "t", "--data", "{\"a\":1}"));
        List<String> before = d.dump();

        Cli.Result empty = d.set(RekeyConfig.ENCRYPTION_KEY, "").run("keys", "list");

        assertThat(empty.exit()).as(empty.toString()).isEqualTo(2);
        assertThat(empty.err()).startsWith("error:").contains("N8N_ENCRYPTION_KEY is set but empty");
        assertThat(d.userFolder().resolve("config")).doesNotExist();
        assertThat(d.dump()).isEqualTo(before);
        ok(d.set(RekeyConfig.ENCRYPTION_KEY, Deployment.KEY).run("keys", "list"));
    }

    @Test
    void noKeyAtAll_onADatabaseWithRecords_generatesNone_andTheRightKeyStillStarts() throws Exception {
        ok(d.rotation(false).run("credentials", "create", "--name", "n", "--type", "t", "--data", "{\"a\":1}"));

        Cli.Result none = d.set(RekeyConfig.ENCRYPTION_KEY, null).run("credentials", "list");

        assertThat(none.exit()).as(none.toString()).isEqualTo(1);
        assertThat(none.err()).startsWith("error:").contains("no instance key is set", "No key was generated");
        assertThat(d.userFolder().resolve("config")).doesNotExist();
        ok(d.set(RekeyConfig.ENCRYPTION_KEY, Deployment.KEY).run("credentials", "list"));
    }

    @Test
    void firstStartWithoutAKey_generatesOne_savesIt0600_andUsesItAfterwards() throws Exception {
        d.set(RekeyConfig.ENCRYPTION_KEY, null).rotation(true);
        String id = ok(d.run("credentials", "create", "--name", "n", "--type", "t", "--data", "{\"a\":\"b\"}",
                "--json")).json().get("id").asText();

        Path config = d.userFolder().resolve("config");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config))).isEqualTo("rw-------");
        String key = new ObjectMapper().readTree(Files.readString(config)).get("encryptionKey").asText();
        assertThat(Base64.getDecoder().decode(key)).hasSize(24);
        assertThat(ok(d.run("credentials", "get", id, "--json")).json().get("data").get("a").asText()).isEqualTo("b");
        assertThat(ok(d.set(RekeyConfig.ENCRYPTION_KEY, key).run("credentials", "get", id)).exit()).isZero();
    }

    @Test
    void keysImportOfAnN8nDump_intoAFreshStore_takesThePlaceOfSeeding_andKeepsN8nsDates() throws Exception {
        Instant seeded = Instant.parse("2024-05-01T10:00:00.123Z");
        Instant rotated = Instant.parse("2024-06-01T08:30:00Z");
        Keyring n8n = Keyring.seed(InstanceKey.of(Deployment.KEY), seeded, new SecureRandom())
                .rotate(rotated, new SecureRandom()).keyring();
        String writtenByN8n = n8n.encrypt("{\"from\":\"n8n\"}", WriteFormat.ACTIVE_KEY);
        ObjectMapper json = new ObjectMapper();
        ArrayNode rows = json.createArrayNode();
        for (DataKey key : n8n.keys()) {
            rows.addObject().put("id", key.id().value()).put("type", key.type().wireName())
                    .put("value", key.wrappedValue()).put("algorithm", key.algorithm().wireName())
                    .put("status", key.status().wireName()).put("createdAt", key.createdAt().toString())
                    .put("updatedAt", key.updatedAt().toString());
        }
        rows.addObject().put("id", "SigningKey000001").put("type", "signing.hmac").put("value", "x")
                .putNull("algorithm").put("status", "active");
        Files.createDirectories(d.userFolder());
        Path dump = Files.writeString(d.userFolder().resolve("deployment_key.json"), rows.toString());

        ok(d.rotation(true).run("keys", "import", "--file", dump.toString()));

        JsonNode items = ok(d.run("keys", "list", "--json")).json().get("items");
        assertThat(items).hasSize(n8n.keys().size());
        for (DataKey key : n8n.keys()) {
            assertThat(items).filteredOn(item -> item.get("id").asText().equals(key.id().value())).singleElement()
                    .satisfies(item -> {
                        assertThat(item.get("status").asText()).isEqualTo(key.status().wireName());
                        assertThat(Instant.parse(item.get("createdAt").asText())).isEqualTo(key.createdAt());
                        assertThat(Instant.parse(item.get("updatedAt").asText())).isEqualTo(key.updatedAt());
                    });
        }
        assertThat(items).filteredOn(item -> item.get("algorithm").asText().equals("aes-256-cbc")).hasSize(1);
        assertThat(ok(d.run("values", "decrypt", writtenByN8n)).out()).isEqualTo("{\"from\":\"n8n\"}");
    }

    @Test
    void worker_neverSeeds_andGivesUpWithAClearError() throws Exception {
        Cli.Result result = d.rotation(true).set(RekeyConfig.INSTANCE_TYPE, "worker")
                .set(RekeyConfig.WORKER_SEED_WAIT, "1").run("keys", "list");

        assertThat(result.exit()).as(result.toString()).isEqualTo(1);
        assertThat(result.err()).contains("main instance");
        assertThat(d.count("SELECT COUNT(*) FROM deployment_key")).isZero();
    }

    @Test
    void worker_startsOnKeysAMainSeeded() {
        ok(d.rotation(true).run("keys", "list"));
        ok(d.set(RekeyConfig.INSTANCE_TYPE, "worker").run("keys", "list"));
    }

    @Test
    void turningTheFlagOff_losesNothing() {
        String id = ok(d.rotation(true).run("credentials", "create", "--name", "n", "--type", "t",
                "--data", "{\"s\":\"kept\"}", "--json")).json().get("id").asText();
        Cli.Result off = d.rotation(false).run("credentials", "get", id, "--json");
        assertThat(ok(off).json().get("data").get("s").asText()).isEqualTo("kept");
    }
}
