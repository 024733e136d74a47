package org.rekey.domain.key;

import java.util.Optional;
import org.rekey.domain.error.ErrorCode;
import org.rekey.domain.error.RekeyException;

/**
 * A stored record value, parsed: {@code <keyId>:<ciphertext>} names the data key that made it;
 * a value without {@code :} is legacy CBC under the instance key; anything else is malformed.
 */
public record StoredValue(Optional<DataKeyId> keyId, String ciphertext) {

    public StoredValue {
        if (ciphertext == null || ciphertext.isEmpty()) {
            throw new RekeyException(ErrorCode.MALFORMED_VALUE, "malformed value: the ciphertext is empty");
        }
        if (ciphertext.indexOf(':') >= 0) {
            throw new RekeyException(ErrorCode.MALFORMED_VALUE, "malformed value: the ciphertext contains ':'");
        }
    }

    /** @throws RekeyException {@code MALFORMED_VALUE}, without echoing the value */
    public static StoredValue parse(String value) {
        if (value == null || value.isEmpty()) {
            throw new RekeyException(ErrorCode.MALFORMED_VALUE, "malformed value: it is empty");
        }
        int colon = value.indexOf(':');
        if (colon < 0) {
            return new StoredValue(Optional.empty(), value);
        }
        String prefix = value.substring(0, colon);
        if (!DataKeyId.isValid(prefix) || value.indexOf(':', colon + 1) >= 0) {
            throw new RekeyException(ErrorCode.MALFORMED_VALUE,
                    "malformed value: expected <keyId>:<ciphertext> with a key id of 1 to 36 characters"
                            + " of A-Z, a-z, 0-9, '_' or '-', or a legacy value without ':'");
        }
        return new StoredValue(Optional.of(new DataKeyId(prefix)), value.substring(colon + 1));
    }

    /** The key this value names, or {@link KeyRef#LEGACY}. */
    public KeyRef keyRef() {
        return new KeyRef(keyId);
    }

    /** The parsed value, or empty when {@link #parse} would reject it as malformed. */
    public static Optional<StoredValue> tryParse(String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        int colon = value.indexOf(':');
        if (colon < 0) {
            return Optional.of(new StoredValue(Optional.empty(), value));
        }
        String prefix = value.substring(0, colon);
        if (!DataKeyId.isValid(prefix) || value.indexOf(':', colon + 1) >= 0 || colon == value.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(new StoredValue(Optional.of(new DataKeyId(prefix)), value.substring(colon + 1)));
    }

    public boolean isLegacy() {
        return keyId.isEmpty();
    }

    /** The value as stored. */
    public String text() {
        return keyId.map(id -> id.value() + ":" + ciphertext).orElse(ciphertext);
    }

    @Override
    public String toString() {
        return "StoredValue[keyId=" + keyRef().wireName() + "]";
    }
}
