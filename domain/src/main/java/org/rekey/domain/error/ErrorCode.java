package org.rekey.domain.error;

/**
 * Stable error codes. Adapters map each {@link Kind} once: to an HTTP status and to a CLI exit code.
 * The names are part of the public contract; never rename one.
 */
public enum ErrorCode {
    INVALID_INPUT(Kind.INVALID),
    MALFORMED_VALUE(Kind.INVALID),
    UNSUPPORTED_VERSION(Kind.INVALID),
    DECRYPTION_FAILED(Kind.UNPROCESSABLE),
    /** A stored record's value is malformed: only that record's data cannot be read; the caller is not at fault. */
    MALFORMED_STORED_VALUE(Kind.UNPROCESSABLE),
    KEY_NOT_FOUND(Kind.NOT_FOUND),
    KEY_DESTROYED(Kind.GONE),
    RECORD_NOT_FOUND(Kind.NOT_FOUND),
    API_KEY_NOT_FOUND(Kind.NOT_FOUND),
    ROTATION_DISABLED(Kind.NOT_FOUND),
    NO_ACTIVE_KEY(Kind.FAILURE),
    VERSION_CONFLICT(Kind.CONFLICT),
    ROTATION_CONFLICT(Kind.CONFLICT),
    KEY_IN_USE(Kind.CONFLICT),
    KEY_ACTIVE(Kind.CONFLICT),
    DUPLICATE_ID(Kind.CONFLICT),
    JOB_RUNNING(Kind.CONFLICT),
    WRONG_INSTANCE_KEY(Kind.FAILURE),
    INSTANCE_KEY_MISMATCH(Kind.FAILURE),
    KEYRING_NOT_SEEDED(Kind.FAILURE),
    STORAGE_FAILURE(Kind.FAILURE),
    UNAUTHORIZED(Kind.UNAUTHORIZED),
    FORBIDDEN(Kind.FORBIDDEN);

    /** What sort of failure a code is, independent of any transport. */
    public enum Kind {
        /** The caller sent something malformed or out of range. */
        INVALID,
        /** The input was well-formed but cannot be processed (for example, a value that does not decrypt). */
        UNPROCESSABLE,
        NOT_FOUND,
        /** The thing existed once and was deliberately removed. */
        GONE,
        /** The request raced another change, or the current state forbids it. */
        CONFLICT,
        UNAUTHORIZED,
        FORBIDDEN,
        /** A fault of the system or its configuration, not of the request. */
        FAILURE
    }

    private final Kind kind;

    ErrorCode(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
