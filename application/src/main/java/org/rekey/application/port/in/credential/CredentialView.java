package org.rekey.application.port.in.credential;

import java.time.Instant;
import java.util.Optional;
import org.rekey.domain.key.DataKeyId;
import org.rekey.domain.record.EncryptedRecord;
import org.rekey.domain.record.ValueShape;

/**
 * A credential as callers see it.
 *
 * @param keyId the data key its value names; empty for a legacy value and for a malformed one
 * @param valueShape legacy, naming a data key, or malformed (its data cannot be read; the rest can)
 * @param data the decrypted JSON object, only when asked for
 */
public record CredentialView(String id, String name, String type, Optional<String> keyId, ValueShape valueShape,
        Instant createdAt, Instant updatedAt, Optional<String> data) {

    public static CredentialView metadata(EncryptedRecord record) {
        return new CredentialView(record.id().value(), record.name(), record.type(),
                record.keyId().map(DataKeyId::value), record.valueShape(), record.createdAt(), record.updatedAt(),
                Optional.empty());
    }

    public CredentialView withData(String plaintext) {
        return new CredentialView(id, name, type, keyId, valueShape, createdAt, updatedAt, Optional.of(plaintext));
    }

    @Override
    public String toString() {
        return "CredentialView[id=" + id + ", keyId=" + keyId.orElse(valueShape.wireName()) + "]";
    }
}
