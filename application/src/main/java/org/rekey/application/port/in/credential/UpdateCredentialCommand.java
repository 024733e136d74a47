package org.rekey.application.port.in.credential;

import java.util.Objects;
import java.util.Optional;
import org.rekey.domain.error.RekeyException;
import org.rekey.domain.record.EncryptedRecord;
import org.rekey.domain.record.RecordId;

/**
 * A change to a credential: a new name and/or new data (at least one).
 *
 * @param expectedVersion when present, the update fails with {@code VERSION_CONFLICT} unless the stored
 *     record is still at that version
 */
public record UpdateCredentialCommand(RecordId id, Optional<String> name, Optional<String> dataJson,
        Optional<Long> expectedVersion) {

    public UpdateCredentialCommand {
        Objects.requireNonNull(id, "id");
        if (name.isEmpty() && dataJson.isEmpty()) {
            throw RekeyException.invalid("nothing to update: give a new name, new data, or both");
        }
        name.ifPresent(n -> CreateCredentialCommand.requireText("name", n, EncryptedRecord.MAX_NAME_LENGTH));
        dataJson = dataJson.map(CredentialData::require);
    }

    @Override
    public String toString() {
        return "UpdateCredentialCommand[id=" + id + "]";
    }
}
