package org.rekey.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.rekey.domain.key.DataKey;
import org.rekey.domain.key.DataKeyId;
import org.rekey.domain.key.InstanceKey;
import org.rekey.domain.key.KeyAlgorithm;
import org.rekey.domain.key.KeyStatus;
import org.rekey.domain.key.KeyType;
import org.rekey.domain.key.Keyring;
import org.rekey.domain.key.WriteFormat;

/**
 * The "Embedding the domain module" example of the README, run as it is written:
 * public API only, an application storing the wrapped keys in its own table.
 */
class EmbeddingExampleTest {

    /** The application's own key table: one row per data key, the columns n8n's deployment_key has. */
    record KeyRow(String id, String type, String algorithm, String status, String value, Instant createdAt,
            Instant updatedAt) {
    }

    private final List<KeyRow> myTable = new ArrayList<>();

    private void save(List<DataKey> keys) {
        for (DataKey k : keys) {
            myTable.removeIf(row -> row.id().equals(k.id().value()));
            myTable.add(new KeyRow(k.id().value(), k.type().wireName(), k.algorithm().wireName(),
                    k.status().wireName(), k.wrappedValue(), k.createdAt(), k.updatedAt()));
        }
    }

    @Test
    void embeddingExample_runsAsDocumented() {
        String masterKey = "my-application-master-key"; // e.g. System.getenv("MY_APP_MASTER_KEY")
        // --- README example, verbatim from here ---
        InstanceKey instanceKey = InstanceKey.of(masterKey);          // your master secret, e.g. from the environment
        SecureRandom random = new SecureRandom();
        Keyring keyring = Keyring.seed(instanceKey, Instant.now(), random);
        save(keyring.keys());                                        // wrapped keys only: safe to store

        String stored = keyring.encrypt("{\"token\":\"s3cr3t\"}", WriteFormat.ACTIVE_KEY); // "<keyId>:<base64>"
        String plain = keyring.decrypt(stored);                      // {"token":"s3cr3t"}

        Keyring.KeyChange rotation = keyring.rotate(Instant.now(), random);
        keyring = rotation.keyring();                                // new writes use the new key
        save(rotation.changed());                                    // the old key, now inactive, and the new one

        List<DataKey> loaded = myTable.stream().map(row -> DataKey.reconstitute(new DataKeyId(row.id()),
                KeyType.fromWire(row.type()), KeyAlgorithm.fromWire(row.algorithm()),
                KeyStatus.fromWire(row.status()), row.value(), row.createdAt(), row.updatedAt())).toList();
        Keyring reloaded = Keyring.reconstitute(instanceKey, loaded); // on the next start
        String stillReadable = reloaded.decrypt(stored);              // old values decrypt after rotation
        // --- end of the example ---

        assertThat(plain).isEqualTo("{\"token\":\"s3cr3t\"}");
        assertThat(stillReadable).isEqualTo(plain);
        assertThat(myTable).hasSize(3);
        assertThat(myTable).filteredOn(row -> row.status().equals("active")).hasSize(1);
        assertThat(reloaded.activeKey()).isEqualTo(keyring.activeKey());
        assertThat(reloaded.encrypt("x", WriteFormat.ACTIVE_KEY)).startsWith(keyring.activeKey().orElseThrow().id() + ":");
        assertThat(String.join("|", myTable.stream().map(KeyRow::value).toList())).doesNotContain(masterKey);
    }

    @Test
    void readme_showsExactlyTheCodeThisTestRuns() throws IOException {
        Path module = Path.of(System.getProperty("basedir", "."));
        String readme = Files.readString(module.resolve("../README.md"));
        String doc = readme.substring(readme.indexOf("## Embedding the domain module"));
        String documented = doc.substring(doc.indexOf("```java\n") + 8, doc.indexOf("```\n", doc.indexOf("```java")));
        String source = Files.readString(module.resolve("src/test/java/org/rekey/domain/EmbeddingExampleTest.java"));
        String tested = source.substring(source.indexOf("verbatim from here ---\n") + 23,
                source.indexOf("        // --- end of the example"));

        assertThat(documented).contains("Keyring.seed(").contains("Keyring.reconstitute(");
        assertThat(normalized(documented)).isEqualTo(normalized(tested));
    }

    /** The code with indentation and the alignment of trailing comments ignored. */
    private static String normalized(String code) {
        return code.lines().map(line -> line.strip().replaceAll("\\s+", " ")).collect(Collectors.joining("\n")).strip();
    }
}
