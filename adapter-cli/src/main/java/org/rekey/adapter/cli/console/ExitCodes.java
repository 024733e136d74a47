package org.rekey.adapter.cli.console;

import org.rekey.domain.error.ErrorCode;

/** The command line's exit codes, and the one mapping from error kinds to them. */
public final class ExitCodes {

    public static final int OK = 0;
    /** Anything that is not the caller's fault: conflicts, system failures, failed records. */
    public static final int FAILURE = 1;
    /** Bad usage or bad input: the caller can fix the command line. */
    public static final int BAD_INPUT = 2;

    private ExitCodes() {
    }

    public static int of(ErrorCode.Kind kind) {
        return switch (kind) {
            case INVALID, NOT_FOUND, GONE, UNPROCESSABLE -> BAD_INPUT;
            case CONFLICT, FAILURE, UNAUTHORIZED, FORBIDDEN -> FAILURE;
        };
    }
}
