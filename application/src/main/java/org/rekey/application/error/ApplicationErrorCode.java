package org.rekey.application.error;

import org.rekey.domain.error.ErrorCode;

/**
 * The application's error codes, beside the domain's: API keys, access, background jobs, storage, and a store
 * another program owns (n8n's database: its schema, what it does not allow, its backups).
 */
public enum ApplicationErrorCode implements ErrorCode {
    API_KEY_NOT_FOUND(Kind.NOT_FOUND),
    JOB_RUNNING(Kind.CONFLICT),
    STORAGE_FAILURE(Kind.FAILURE),
    SCHEMA_MISMATCH(Kind.FAILURE),
    NOT_SUPPORTED(Kind.CONFLICT),
    BACKUP_MISMATCH(Kind.INVALID),
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
