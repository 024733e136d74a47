package org.rekey.application.port.in.credential;

import org.rekey.domain.error.RekeyException;
import org.rekey.domain.record.EncryptedRecord;

/** A new credential; {@code dataJson} is a JSON object. {@code toString} omits the data. */
public record CreateCredentialCommand(String name, String type, String dataJson) {

    public CreateCredentialCommand {
        requireText("name", name, EncryptedRecord.MAX_NAME_LENGTH);
        requireText("type", type, EncryptedRecord.MAX_TYPE_LENGTH);
        dataJson = CredentialData.require(dataJson);
    }

    static void requireText(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw RekeyException.invalid("a credential needs a " + field);
        }
        if (value.length() > max) {
            throw RekeyException.invalid("a credential's " + field + " is at most " + max + " characters");
        }
    }

    @Override
    public String toString() {
        return "CreateCredentialCommand[name=" + name + ", type=" + type + "]";
    }
}
