package org.rekey.domain.error;

/**
 * A stable error code. {@link #name()} is part of the public contract (the {@code code} of an HTTP error, the
 * {@code [CODE]} of a CLI error line): never rename one. Adapters map each {@link Kind} once: to an HTTP status
 * and to a CLI exit code. The domain's own codes are {@link DomainErrorCode}, also reachable here as constants;
 * an application built on the domain adds its own by implementing this interface, typically with an enum.
 */
public interface ErrorCode {

    ErrorCode INVALID_INPUT = DomainErrorCode.INVALID_INPUT;
    ErrorCode MALFORMED_VALUE = DomainErrorCode.MALFORMED_VALUE;
    ErrorCode UNSUPPORTED_VERSION = DomainErrorCode.UNSUPPORTED_VERSION;
    ErrorCode DECRYPTION_FAILED = DomainErrorCode.DECRYPTION_FAILED;
    ErrorCode MALFORMED_STORED_VALUE = DomainErrorCode.MALFORMED_STORED_VALUE;
    ErrorCode KEY_NOT_FOUND = DomainErrorCode.KEY_NOT_FOUND;
    ErrorCode KEY_DESTROYED = DomainErrorCode.KEY_DESTROYED;
    ErrorCode RECORD_NOT_FOUND = DomainErrorCode.RECORD_NOT_FOUND;
    ErrorCode ROTATION_DISABLED = DomainErrorCode.ROTATION_DISABLED;
    ErrorCode NO_ACTIVE_KEY = DomainErrorCode.NO_ACTIVE_KEY;
    ErrorCode VERSION_CONFLICT = DomainErrorCode.VERSION_CONFLICT;
    ErrorCode ROTATION_CONFLICT = DomainErrorCode.ROTATION_CONFLICT;
    ErrorCode KEY_IN_USE = DomainErrorCode.KEY_IN_USE;
    ErrorCode KEY_ACTIVE = DomainErrorCode.KEY_ACTIVE;
    ErrorCode DUPLICATE_ID = DomainErrorCode.DUPLICATE_ID;
    ErrorCode WRONG_INSTANCE_KEY = DomainErrorCode.WRONG_INSTANCE_KEY;
    ErrorCode INSTANCE_KEY_MISMATCH = DomainErrorCode.INSTANCE_KEY_MISMATCH;
    ErrorCode KEYRING_NOT_SEEDED = DomainErrorCode.KEYRING_NOT_SEEDED;

    /** The stable name, in upper snake case; an enum's {@code name()}. */
    String name();

    /** What sort of failure this is, independent of any transport. */
    Kind kind();

    /** What sort of failure a code is, independent of any transport. */
    enum Kind {
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
}
