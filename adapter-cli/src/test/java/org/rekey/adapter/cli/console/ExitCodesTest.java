package org.rekey.adapter.cli.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rekey.domain.error.ErrorCode;

class ExitCodesTest {

    @ParameterizedTest
    @CsvSource({"INVALID, 2", "UNPROCESSABLE, 2", "NOT_FOUND, 2", "GONE, 2", "CONFLICT, 1", "UNAUTHORIZED, 1",
        "FORBIDDEN, 1", "FAILURE, 1"})
    void eachKind_mapsToItsExitCode(ErrorCode.Kind kind, int exitCode) {
        assertThat(ExitCodes.of(kind)).isEqualTo(exitCode);
    }
}
