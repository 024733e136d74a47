package org.rekey.domain.error;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ErrorCodeTest {

    @Test
    void formatErrors_areTheCallersFault() {
        assertThat(ErrorCode.MALFORMED_VALUE.kind()).isEqualTo(ErrorCode.Kind.INVALID);
        assertThat(ErrorCode.UNSUPPORTED_VERSION.kind()).isEqualTo(ErrorCode.Kind.INVALID);
        assertThat(ErrorCode.INVALID_INPUT.kind()).isEqualTo(ErrorCode.Kind.INVALID);
    }

    @Test
    void aWrongInstanceKey_isAFaultOfTheConfiguration_notOfTheRequest() {
        assertThat(ErrorCode.WRONG_INSTANCE_KEY.kind()).isEqualTo(ErrorCode.Kind.FAILURE);
        assertThat(ErrorCode.NO_ACTIVE_KEY.kind()).isEqualTo(ErrorCode.Kind.FAILURE);
    }

    @Test
    void invalid_carriesInvalidInputAndTheMessage() {
        RekeyException e = RekeyException.invalid("name must not be empty");

        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
        assertThat(e.getMessage()).isEqualTo("name must not be empty");
    }
}
