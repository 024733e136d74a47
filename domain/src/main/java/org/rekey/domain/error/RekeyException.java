package org.rekey.domain.error;

/**
 * A failure with a stable {@link ErrorCode}. Messages say what went wrong and what to do about it;
 * they never contain key material or plaintext.
 */
public class RekeyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    public RekeyException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public RekeyException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    public static RekeyException invalid(String message) {
        return new RekeyException(ErrorCode.INVALID_INPUT, message);
    }
}
