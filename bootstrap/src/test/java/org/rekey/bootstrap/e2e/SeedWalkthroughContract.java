package org.rekey.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rekey.bootstrap.Cli;

/**
 * The seed's walkthrough, done with the real command line on a real database: data written before
 * rotation, enable the flag, restart, list keys, rotate, old data still reads, updated data moves to the
 * new key; then what rekey adds: verify, eager re-encryption, destroy. Each command runs as a fresh
 * start of rekey, as from a shell.
 */
abstract class SeedWalkthroughContract {

    /** A deployment on an empty database; called once before each test. */
    abstract Deployment newDeployment() throws Exception;

    private Deployment d;

    @BeforeEach
    void deploy() throws Exception {
        d = newDeployment();
    }

    @Test
    void walkthrough_rotationKeepsOldDataReadable_andUpdatesMoveToTheNewKey() {
        d.rotation(false);
        String before = ok(d.run("credentials", "create", "--name", "legacy", "--type", "githubApi",
                "--data", "{\"token\":\"t-legacy\"}", "--json")).json().get("id").asText();
        assertThat(ok(d.run("credentials", "get", before, "--json")).json().get("keyId").isNull()).isTrue();

        d.rotation(true);
        JsonNode keys = ok(d.run("keys", "list", "--json")).json();
        assertThat(keys.get("count").asInt()).isEqualTo(2);
        assertThat(statuses(keys)).containsExactlyInAnyOrder("active", "inactive");
        String firstActive = activeId(keys);
        assertThat(keys.get("legacyRecordCount").asLong()).isEqualTo(1);

        String onFirst = ok(d.run("credentials", "create", "--name", "first", "--type", "slackApi",
                "--data", "{\"token\":\"t-first\"}", "--json")).json().get("id").asText();
        assertThat(keyOf(d, onFirst)).isEqualTo(firstActive);

        String rotated = ok(d.run("keys", "rotate", "--json")).json().get("id").asText();
        assertThat(rotated).isNotEqualTo(firstActive);
        JsonNode afterRotation = ok(d.run("keys", "list", "--json")).json();
        assertThat(activeId(afterRotation)).isEqualTo(rotated);
        assertThat(statuses(afterRotation)).containsOnlyOnce("active");

        JsonNode old = ok(d.run("credentials", "get", onFirst, "--json")).json();
        assertThat(old.get("keyId").asText()).isEqualTo(firstActive);
        assertThat(old.get("data").get("token").asText()).isEqualTo("t-first");
        assertThat(ok(d.run("credentials", "get", before, "--json")).json().get("data").get("token").asText())
                .isEqualTo("t-legacy");

        ok(d.run("credentials", "update", onFirst, "--name", "first-renamed"));
        assertThat(keyOf(d, onFirst)).isEqualTo(rotated);
        assertThat(ok(d.run("credentials", "get", onFirst, "--json")).json().get("data").get("token").asText())
                .isEqualTo("t-first");

        ok(d.run("verify"));
        ok(d.run("reencrypt", "--batch-size", "1"));
        assertThat(keyOf(d, before)).isEqualTo(rotated);
        JsonNode finalKeys = ok(d.run("keys", "list", "--json")).json();
        assertThat(finalKeys.get("legacyRecordCount").asLong()).isZero();
        for (JsonNode key : finalKeys.get("items")) {
            long expected = key.get("id").asText().equals(rotated) ? 2 : 0;
            assertThat(key.get("recordCount").asLong()).as("records on %s", key.get("id")).isEqualTo(expected);
        }

        ok(d.run("keys", "destroy", firstActive));
        Cli.Result destroyActive = d.run("keys", "destroy", rotated);
        assertThat(destroyActive.exit()).as(destroyActive.toString()).isEqualTo(1);
        assertThat(destroyActive.err()).startsWith("error:").contains("active");
    }

    @Test
    void n8nExport_importsWithTheDataKeptAsItIs_andExportsTheSameShape() throws Exception {
        d.rotation(true);
        String value = Openssl.encrypt("{\"user\":\"n8n\",\"password\":\"from-n8n\"}", Deployment.KEY);
        Path file = Files.writeString(Files.createDirectories(d.userFolder()).resolve("n8n-export.json"), """
                [{"createdAt":"2024-05-01T10:00:00.000Z","updatedAt":"2024-05-02T11:00:00.000Z","id":"n8nCred0001",
                  "name":"From n8n","data":"%s","type":"httpBasicAuth","isManaged":false}]
                """.formatted(value));

        ok(d.run("credentials", "import", file.toString()));

        JsonNode imported = ok(d.run("credentials", "get", "n8nCred0001", "--json")).json();
        assertThat(imported.get("data").get("password").asText()).isEqualTo("from-n8n");
        assertThat(imported.get("keyId").isNull()).isTrue();
        assertThat(imported.get("createdAt").asText()).isEqualTo("2024-05-01T10:00:00Z");
        JsonNode exported = ok(d.run("credentials", "export")).json();
        assertThat(exported).hasSize(1);
        assertThat(exported.get(0).get("data").asText()).isEqualTo(value);
        assertThat(exported.get(0).get("name").asText()).isEqualTo("From n8n");
    }

    @Test
    void malformedImportFile_importsNothing_andNamesTheEntry() throws Exception {
        d.rotation(true);
        String value = Openssl.encrypt("{\"a\":1}", Deployment.KEY);
        Path file = Files.writeString(Files.createDirectories(d.userFolder()).resolve("bad.json"), """
                [{"id":"good1","name":"ok","type":"t","data":"%s"},
                 {"id":"bad2","name":"no data","type":"t"}]
                """.formatted(value));

        Cli.Result result = d.run("credentials", "import", file.toString());

        assertExit(result, 2);
        assertThat(result.err()).contains("entry 2").contains("bad2");
        assertThat(ok(d.run("credentials", "list", "--json")).json().get("count").asInt()).isZero();
    }

    @Test
    void decrypt_printsExactlyThePlaintext() {
        d.rotation(true);
        String value = ok(d.run("values", "encrypt", "multi-byte ✓ plaintext")).out();
        assertThat(value).doesNotContain("\n").contains(":");
        assertThat(ok(d.run("values", "decrypt", value)).out()).isEqualTo("multi-byte ✓ plaintext");
    }

    @Test
    void errors_exitWithTheContractCodes_andOneErrorLine() {
        d.rotation(true);
        assertExit(d.run("credentials", "get", "no-such-id"), 2);
        assertExit(d.run("values", "decrypt", "bad id!:AAAA"), 2);
        assertExit(d.run("keys", "frobnicate"), 2);
        assertExit(d.run("credentials", "create", "--name", "x", "--type", "t", "--data", "[1,2]"), 2);
        assertExit(d.run("keys", "show", "unknownKey"), 2);
    }

    private static void assertExit(Cli.Result result, int exit) {
        assertThat(result.exit()).as(result.toString()).isEqualTo(exit);
        assertThat(result.err().lines().filter(l -> l.startsWith("error:")).count()).as(result.toString()).isOne();
        assertThat(result.err()).doesNotContain("\tat ");
        assertThat(result.out()).isEmpty();
    }

    static Cli.Result ok(Cli.Result result) {
        assertThat(result.exit()).as(result.toString()).isZero();
        return result;
    }

    private static String keyOf(Deployment d, String credentialId) {
        return ok(d.run("credentials", "get", credentialId, "--json")).json().get("keyId").asText();
    }

    private static List<String> statuses(JsonNode keys) {
        List<String> statuses = new ArrayList<>();
        keys.get("items").forEach(k -> statuses.add(k.get("status").asText()));
        return statuses;
    }

    private static String activeId(JsonNode keys) {
        for (JsonNode key : keys.get("items")) {
            if (key.get("status").asText().equals("active")) {
                return key.get("id").asText();
            }
        }
        throw new AssertionError("no active key in " + keys);
    }
}
