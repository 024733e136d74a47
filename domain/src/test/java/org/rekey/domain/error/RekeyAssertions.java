package org.rekey.domain.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Asserts that a call is rejected with one exact {@link ErrorCode}, and returns the rejection. */
public final class RekeyAssertions {

    private RekeyAssertions() {
    }

    public static RekeyException assertRejected(ErrorCode expected, ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).as("expected a RekeyException with code " + expected).isInstanceOf(RekeyException.class);
        RekeyException rejection = (RekeyException) thrown;
        assertThat(rejection.code()).as("error code (message: %s)", rejection.getMessage()).isEqualTo(expected);
        assertThat(rejection.getMessage()).as("a rejection says what went wrong").isNotBlank();
        return rejection;
    }
}
