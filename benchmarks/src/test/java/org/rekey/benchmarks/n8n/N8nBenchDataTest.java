package org.rekey.benchmarks.n8n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rekey.benchmarks.CredentialJson;
import org.rekey.benchmarks.db.PostgresSchema;
import org.rekey.benchmarks.db.RewriteResult;
import org.rekey.benchmarks.db.ValueRewrite;
import org.rekey.domain.key.DataKey;
import org.rekey.domain.key.InstanceKey;
import org.rekey.domain.key.Keyring;
import org.rekey.domain.key.WriteFormat;

/** bench-n8n.sh's seeding, rotation, reference and decrypt timer, in n8n's schema on a real PostgreSQL. */
class N8nBenchDataTest {

    private final InstanceKey instanceKey = InstanceKey.of(Base64.getEncoder().encodeToString(new byte[24]));
    /** n8n 2.41.1's tables: the adapter's fixture, dumped from a real n8n. */
    private static final Path N8N_SCHEMA = Path.of("..", "adapter-persistence", "src", "test", "resources", "n8n",
            "postgres-schema.sql");

    private PostgresSchema schema;
    private Keyring seeded;

    @BeforeEach
    void n8nKeys() throws SQLException, IOException {
        schema = PostgresSchema.create("rekey_bench_n8n_test_",
                Files.readString(N8N_SCHEMA, StandardCharsets.UTF_8));
        seeded = Keyring.seed(instanceKey, Instant.parse("2026-01-01T00:00:00Z"), new SecureRandom());
        try (PreparedStatement insert = schema.connection().prepareStatement("INSERT INTO deployment_key"
                + " (id, type, value, algorithm, status) VALUES (?, 'data_encryption', ?, ?, ?)")) {
            for (DataKey key : seeded.keys()) {
                insert.setString(1, key.id().value());
                insert.setString(2, key.wrappedValue());
                insert.setString(3, key.algorithm().wireName());
                insert.setString(4, key.status().wireName());
                insert.executeUpdate();
            }
        }
    }

    @AfterEach
    void dropSchema() throws SQLException {
        if (schema != null) {
            schema.close();
        }
    }

    @Test
    void credential_isOneKibOfJsonThatDiffersByIndex() {
        assertThat(N8nBenchData.credential(7).getBytes(StandardCharsets.UTF_8)).hasSize(CredentialJson.SIZE);
        assertThat(N8nBenchData.credential(7)).isNotEqualTo(N8nBenchData.credential(8)).contains("0000000007");
        assertThat(N8nBenchData.id(7)).hasSize(16);
    }

    @Test
    void seed_writesEveryNthCredentialInTheLegacyFormatAndTheOthersUnderTheActiveKey() throws Exception {
        Keyring keyring = N8nBenchData.keyring(schema.connection(), instanceKey);

        N8nBenchData.seed(schema.connection(), keyring, 7, 3);

        Map<String, String> rows = rows();
        String active = keyring.activeKey().orElseThrow().id().value();
        assertThat(rows).hasSize(7);
        for (int i = 0; i < 7; i++) {
            String value = rows.get(N8nBenchData.id(i));
            assertThat(value.startsWith(active + ":")).as("row %d on the active key", i).isEqualTo(i % 3 != 0);
            assertThat(seeded.decrypt(value)).isEqualTo(N8nBenchData.credential(i));
        }
    }

    @Test
    void rotate_demotesTheActiveKeyAndInsertsANewActiveOneThatUnwraps() throws Exception {
        Keyring before = N8nBenchData.keyring(schema.connection(), instanceKey);
        String old = before.activeKey().orElseThrow().id().value();

        String created = N8nBenchData.rotate(schema.connection(), before, Instant.now());

        Keyring after = N8nBenchData.keyring(schema.connection(), instanceKey);
        assertThat(after.activeKey().orElseThrow().id().value()).isEqualTo(created).isNotEqualTo(old);
        assertThat(after.keys()).hasSize(3);
        assertThat(after.key(before.activeKey().orElseThrow().id()).isActive()).isFalse();
        assertThat(after.encrypt("{}", WriteFormat.ACTIVE_KEY)).startsWith(created + ":");
        assertThat(schema.connection().getAutoCommit()).isTrue();
    }

    @Test
    void reference_rewritesEveryRowOnceInBatchesWithWhatTheRewriteMakes() throws Exception {
        N8nBenchData.seed(schema.connection(), N8nBenchData.keyring(schema.connection(), instanceKey), 7, 0);
        Map<String, String> before = rows();

        RewriteResult same = new N8nRewriteReference(3, ValueRewrite.SAME_VALUE).run(schema.connection());
        assertThat(same.rows()).isEqualTo(7);
        assertThat(same.batches()).isEqualTo(3);
        assertThat(rows()).isEqualTo(before);

        new N8nRewriteReference(500, value -> value + "x").run(schema.connection());
        assertThat(rows()).allSatisfy((id, value) -> assertThat(value).isEqualTo(before.get(id) + "x"));
        assertThat(schema.connection().getAutoCommit()).isTrue();
    }

    @Test
    void reference_rollsBackTheBatchWhenTheRewriteFails() throws Exception {
        N8nBenchData.seed(schema.connection(), N8nBenchData.keyring(schema.connection(), instanceKey), 3, 0);
        Map<String, String> before = rows();

        assertThatThrownBy(() -> new N8nRewriteReference(2, value -> {
            throw new IllegalStateException("boom");
        }).run(schema.connection())).hasMessage("boom");

        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void decryptTimer_decryptsEveryValueWithTheDumpedKey() {
        DataKey active = seeded.activeKey().orElseThrow();
        List<String> values = List.of(seeded.encrypt("{\"a\":1}", WriteFormat.ACTIVE_KEY),
                seeded.encrypt("{\"b\":22}", WriteFormat.ACTIVE_KEY));
        DecryptTimer timer = new DecryptTimer(instanceKey, active.id().value(), active.wrappedValue(), values);

        assertThat(timer.decryptAll()).isEqualTo(15);
        DecryptTimer.Timing timing = timer.run(0.01);
        assertThat(timing.ops()).isPositive();
        assertThat(timing.sink()).isEqualTo(timing.ops() / 2 * 15 + (timing.ops() % 2) * 7);
    }

    private Map<String, String> rows() throws SQLException {
        Map<String, String> rows = new LinkedHashMap<>();
        try (PreparedStatement select = schema.connection().prepareStatement(
                "SELECT id, data FROM credentials_entity ORDER BY id");
                ResultSet result = select.executeQuery()) {
            while (result.next()) {
                rows.put(result.getString(1), result.getString(2));
            }
        }
        return rows;
    }
}
