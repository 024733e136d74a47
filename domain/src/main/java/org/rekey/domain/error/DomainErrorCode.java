package org.rekey.domain.error;

/** The domain's own error codes: what can go wrong with keys, values and records, whatever runs them. */
public enum DomainErrorCode implements ErrorCode {
    INVALID_INPUT(Kind.INVALID),
    MALFORMED_VALUE(Kind.INVALID),
    UNSUPPORTED_VERSION(Kind.INVALID),
    DECRYPTION_FAILED(Kind.UNPROCESSABLE),
    /** A stored record's value is malformed: only that record's data cannot be read; the caller is not at fault. */
    MALFORMED_STORED_VALUE(Kind.UNPROCESSABLE),
    KEY_NOT_FOUND(Kind.NOT_FOUND),
    KEY_DESTROYED(Kind.GONE),
    RECORD_NOT_FOUND(Kind.NOT_FOUND),
    ROTATION_DISABLED(Kind.NOT_FOUND),
    NO_ACTIVE_KEY(Kind.FAILURE),
    VERSION_CONFLICT(Kind.CONFLICT),
    ROTATION_CONFLICT(Kind.CONFLICT),
    KEY_IN_USE(Kind.CONFLICT),
    KEY_ACTIVE(Kind.CONFLICT),
    DUPLICATE_ID(Kind.CONFLICT),
    WRONG_INSTANCE_KEY(Kind.FAILURE),
    INSTANCE_KEY_MISMATCH(Kind.FAILURE),
    KEYRING_NOT_SEEDED(Kind.FAILURE);

    private final Kind kind;

    DomainErrorCode(Kind kind) {
        this.kind = kind;
    }

    @Override
    public Kind kind() {
        return kind;
    }
}
