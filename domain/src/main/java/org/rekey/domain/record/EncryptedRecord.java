package org.rekey.domain.record;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import org.rekey.domain.error.ErrorCode;
import org.rekey.domain.error.RekeyException;
import org.rekey.domain.key.DataKeyId;
import org.rekey.domain.key.Keyring;
import org.rekey.domain.key.StoredValue;
import org.rekey.domain.key.WriteFormat;

/**
 * A stored secret (a credential): name, type, and its data kept as one ciphertext string that names
 * the key that made it.
 *
 * <p>Reading decrypts with whichever key the value names. Every update re-encrypts the data under the
 * active key (lazy re-encryption). {@code version} is the optimistic-lock version the record was read
 * at; the store increments it on each successful write. {@link #toString()} never shows the data.
 */
public final class EncryptedRecord {

    public static final int MAX_NAME_LENGTH = 128;
    public static final int MAX_TYPE_LENGTH = 128;

    private final RecordId id;
    private final String name;
    private final String type;
    private final String data;
    private final long version;
    private final Instant createdAt;
    private final Instant updatedAt;

    private EncryptedRecord(RecordId id, String name, String type, String data, long version,
            Instant createdAt, Instant updatedAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.name = name;
        this.type = type;
        this.data = Objects.requireNonNull(data, "data");
        this.version = version;
        this.createdAt = createdAt.truncatedTo(ChronoUnit.MILLIS);
        this.updatedAt = updatedAt.truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * A new record, its data encrypted in {@code format}. Validates name and type: not blank, at most 128
     * characters, no control characters (a database may not store them; PostgreSQL refuses U+0000) and no
     * unpaired surrogates.
     */
    public static EncryptedRecord create(RecordId id, String name, String type, String plaintextData,
            Keyring keyring, WriteFormat format, Instant now) {
        return new EncryptedRecord(id, validName(name), validType(type), keyring.encrypt(plaintextData, format),
                0, now, now);
    }

    /** A record brought in with its data already encrypted (n8n {@code export:credentials}); the data is kept as is. */
    public static EncryptedRecord importEncrypted(RecordId id, String name, String type, String encryptedData,
            Instant createdAt, Instant updatedAt) {
        StoredValue.parse(encryptedData);
        return new EncryptedRecord(id, validName(name), validType(type), encryptedData, 0, createdAt, updatedAt);
    }

    /** Rebuilds a record read from storage, as it is, without validation. */
    public static EncryptedRecord reconstitute(RecordId id, String name, String type, String data, long version,
            Instant createdAt, Instant updatedAt) {
        return new EncryptedRecord(id, name, type, data, version, createdAt, updatedAt);
    }

    /**
     * The plaintext data.
     *
     * @throws RekeyException as {@link Keyring#decrypt} does, except that a value whose format is broken
     *     ({@code MALFORMED_VALUE}, {@code UNSUPPORTED_VERSION}) fails as {@code MALFORMED_STORED_VALUE}
     *     naming this record: the value came from storage, not from the caller
     */
    public String decryptData(Keyring keyring) {
        try {
            return keyring.decrypt(data);
        } catch (RekeyException e) {
            if (e.code().kind() != ErrorCode.Kind.INVALID) {
                throw e;
            }
            throw new RekeyException(ErrorCode.MALFORMED_STORED_VALUE, "credential " + id.value()
                    + " cannot be decrypted: its stored value is broken (" + e.getMessage() + "); update it with "
                    + "new data or delete it", e);
        }
    }

    /**
     * A new name and/or new data. The data, changed or not, is re-encrypted in {@code format}, so an
     * updated record always moves to the active key.
     */
    public EncryptedRecord update(Optional<String> newName, Optional<String> newPlaintextData, Keyring keyring,
            WriteFormat format, Instant now) {
        String plaintext = newPlaintextData.orElseGet(() -> decryptData(keyring));
        return new EncryptedRecord(id, newName.map(EncryptedRecord::validName).orElse(name), type,
                keyring.encrypt(plaintext, format), version, createdAt, now);
    }

    /** The same data encrypted anew in {@code format}; name, type and updatedAt unchanged. */
    public EncryptedRecord reencrypt(Keyring keyring, WriteFormat format) {
        return new EncryptedRecord(id, name, type, keyring.encrypt(decryptData(keyring), format), version,
                createdAt, updatedAt);
    }

    /** The data key the data names; empty for a legacy value, and for a malformed one (see {@link #valueShape()}). */
    public Optional<DataKeyId> keyId() {
        return StoredValue.tryParse(data).flatMap(StoredValue::keyId);
    }

    /** Whether the stored value is legacy, names a data key, or is malformed; never decrypts, never throws. */
    public ValueShape valueShape() {
        return ValueShape.of(data);
    }

    public boolean isOnActiveKey(Keyring keyring) {
        return keyring.isOnActiveKey(data);
    }

    public RecordId id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String type() {
        return type;
    }

    /** The encrypted data as stored. */
    public String data() {
        return data;
    }

    public long version() {
        return version;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    private static String validName(String name) {
        return validText("name", name, MAX_NAME_LENGTH);
    }

    private static String validType(String type) {
        return validText("type", type, MAX_TYPE_LENGTH);
    }

    private static String validText(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw RekeyException.invalid("a credential's " + field + " must not be empty");
        }
        if (value.length() > max) {
            throw RekeyException.invalid("a credential's " + field + " is at most " + max + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) {
                throw RekeyException.invalid("a credential's " + field + " must not contain control characters "
                        + "(found " + codePoint(c) + " at position " + (i + 1) + ")");
            }
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < value.length()
                        && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                } else {
                    throw RekeyException.invalid("a credential's " + field + " must be valid Unicode text (found an "
                            + "unpaired surrogate " + codePoint(c) + " at position " + (i + 1) + ")");
                }
            }
        }
        return value;
    }

    private static String codePoint(char c) {
        return String.format("U+%04X", (int) c);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EncryptedRecord other && id.equals(other.id) && Objects.equals(name, other.name)
                && Objects.equals(type, other.type) && data.equals(other.data) && version == other.version
                && createdAt.equals(other.createdAt) && updatedAt.equals(other.updatedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, version);
    }

    @Override
    public String toString() {
        return "EncryptedRecord[id=" + id + ", version=" + version + "]";
    }
}
