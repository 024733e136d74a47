package org.rekey.application.port.in.key;

import java.util.Objects;
import org.rekey.domain.error.RekeyException;
import org.rekey.domain.key.DataKeyId;
import org.rekey.domain.key.KeyAlgorithm;
import org.rekey.domain.key.KeyStatus;

/** An n8n {@code deployment_key} row to import: id, wrapped value, algorithm, status. */
public record ImportDataKeyCommand(DataKeyId id, String wrappedValue, KeyAlgorithm algorithm, KeyStatus status) {

    public ImportDataKeyCommand {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(status, "status");
        if (wrappedValue == null || wrappedValue.isBlank()) {
            throw RekeyException.invalid("the wrapped value (--value) must not be empty");
        }
        if (status == KeyStatus.DESTROYED) {
            throw RekeyException.invalid("status must be active or inactive");
        }
    }

    @Override
    public String toString() {
        return "ImportDataKeyCommand[id=" + id + ", algorithm=" + algorithm + ", status=" + status + "]";
    }
}
