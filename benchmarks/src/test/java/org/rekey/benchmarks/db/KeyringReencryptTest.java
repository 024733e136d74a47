package org.rekey.benchmarks.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.rekey.domain.key.DataKey;
import org.rekey.domain.key.InstanceKey;
import org.rekey.domain.key.Keyring;
import org.rekey.domain.key.WriteFormat;

/** rekey's cryptography as the reference's value rewrite, with keys loaded from deployment_key. */
class KeyringReencryptTest {

    private static final InstanceKey INSTANCE_KEY = InstanceKey.of("bench-test-instance-key");
    private static final String PLAINTEXT = "{\"token\":\"s3cr3t\"}";

    @Test
    void rewrite_decryptsWithTheNamedKeyAndEncryptsUnderTheActiveKey() throws SQLException {
        SecureRandom random = new SecureRandom();
        Keyring first = Keyring.seed(INSTANCE_KEY, Instant.now(), random);
        String oldValue = first.encrypt(PLAINTEXT, WriteFormat.ACTIVE_KEY);
        Keyring rotated = first.rotate(Instant.now(), random).keyring();
        String activeId = rotated.activeKey().orElseThrow().id().value();

        String rewritten;
        try (PostgresSchema schema = PostgresSchema.create()) {
            store(schema, rotated);
            rewritten = KeyringReencrypt.load(schema.connection(), INSTANCE_KEY).rewrite(oldValue);
        }

        assertThat(ValueRewrite.keyIdOf(oldValue)).isNotEqualTo(activeId);
        assertThat(ValueRewrite.keyIdOf(rewritten)).isEqualTo(activeId);
        assertThat(rotated.decrypt(rewritten)).isEqualTo(PLAINTEXT);
    }

    @Test
    void constructor_rejectsAKeyringWithoutAnActiveKey() {
        assertThatThrownBy(() -> new KeyringReencrypt(Keyring.empty(INSTANCE_KEY)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no active key");
    }

    private static void store(PostgresSchema schema, Keyring keyring) throws SQLException {
        try (PreparedStatement insert = schema.connection().prepareStatement(
                "INSERT INTO deployment_key (id, type, \"value\", algorithm, status, created_at, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (DataKey key : keyring.keys()) {
                insert.setString(1, key.id().value());
                insert.setString(2, key.type().wireName());
                insert.setString(3, key.wrappedValue());
                insert.setString(4, key.algorithm().wireName());
                insert.setString(5, key.status().wireName());
                insert.setObject(6, key.createdAt().atOffset(ZoneOffset.UTC));
                insert.setObject(7, key.updatedAt().atOffset(ZoneOffset.UTC));
                insert.executeUpdate();
            }
        }
    }
}
