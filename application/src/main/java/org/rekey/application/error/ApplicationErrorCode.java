package org.rekey.application.error;

import org.rekey.domain.error.ErrorCode;

/** The application's error codes, beside the domain's: API keys, access, background jobs and storage. */
public enum ApplicationErrorCode implements ErrorCode {
    API_KEY_NOT_FOUND(Kind.NOT_FOUND),
    JOB_RUNNING(Kind.CONFLICT),
    STORAGE_FAILURE(Kind.FAILURE),
    UNAUTHORIZED(Kind.UNAUTHORIZED),
    FORBIDDEN(Kind.FORBIDDEN);

    private final Kind kind;

    ApplicationErrorCode(Kind kind) {
        this.kind = kind;
    }

    @Override
    public Kind kind() {
        return kind;
    }
}
