package org.rekey.benchmarks.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.rekey.domain.key.DataKey;
import org.rekey.domain.key.DataKeyId;
import org.rekey.domain.key.InstanceKey;
import org.rekey.domain.key.KeyAlgorithm;
import org.rekey.domain.key.KeyStatus;
import org.rekey.domain.key.KeyType;
import org.rekey.domain.key.Keyring;
import org.rekey.domain.key.WriteFormat;

/**
 * A {@link ValueRewrite} that does rekey's cryptography through its public {@code domain} API: decrypt
 * the value with the key it names and encrypt it again under the active key. With it, the reference
 * measures how fast a re-encryption that writes in JDBC batches could be.
 */
public final class KeyringReencrypt implements ValueRewrite {

    private final Keyring keyring;

    public KeyringReencrypt(Keyring keyring) {
        if (keyring.activeKey().isEmpty()) {
            throw new IllegalArgumentException("the keyring has no active key to re-encrypt to");
        }
        this.keyring = keyring;
    }

    /** The keyring stored in {@code deployment_key}, unwrapped with the instance key. */
    public static KeyringReencrypt load(Connection connection, InstanceKey instanceKey) throws SQLException {
        List<DataKey> keys = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, type, algorithm, status, \"value\", created_at, updated_at FROM deployment_key");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                keys.add(DataKey.reconstitute(new DataKeyId(rows.getString(1)), KeyType.fromWire(rows.getString(2)),
                        KeyAlgorithm.fromWire(rows.getString(3)), KeyStatus.fromWire(rows.getString(4)),
                        rows.getString(5), rows.getObject(6, OffsetDateTime.class).toInstant(),
                        rows.getObject(7, OffsetDateTime.class).toInstant()));
            }
        }
        return new KeyringReencrypt(Keyring.reconstitute(instanceKey, keys));
    }

    @Override
    public String rewrite(String value) {
        return keyring.encrypt(keyring.decrypt(value), WriteFormat.ACTIVE_KEY);
    }

    @Override
    public String toString() {
        return "KeyringReencrypt[" + keyring + "]";
    }
}
