package org.rekey.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.rekey.application.error.ApplicationErrorCode;
import org.rekey.domain.error.DomainErrorCode;
import org.rekey.domain.error.ErrorCode;
import org.rekey.domain.error.RekeyException;
import org.rekey.domain.key.DataKeyId;

class RekeyCliTest {

    private final TestContext context = new TestContext();

    @Test
    void noArguments_isBadUsage_withUsageListingEveryCommandOnStderr() {
        CliRun.Result result = CliRun.run(context);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).contains("Usage: rekey", "serve", "keys", "credentials", "values", "reencrypt",
                "verify", "downgrade", "instance-key", "api-keys", "Exit codes");
        assertThat(result.err().lines().reduce((a, b) -> b)).hasValueSatisfying(last ->
                assertThat(last).startsWith("error: 'rekey' needs a command: serve, keys"));
        assertThat(context.useCasesOpened).hasValue(0);
    }

    @ParameterizedTest
    @CsvSource({"keys, list", "credentials, create", "values, encrypt", "instance-key, change", "api-keys, create"})
    void groupWithoutSubcommand_isBadUsage_namingItsCommands(String group, String oneCommand) {
        CliRun.Result result = CliRun.run(context, group);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).contains("Usage: rekey " + group);
        assertThat(result.err().lines().reduce((a, b) -> b)).hasValueSatisfying(last -> assertThat(last)
                .startsWith("error: 'rekey " + group + "' needs a command: ").contains(oneCommand)
                .endsWith("see 'rekey " + group + " --help'"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"--version", "-V"})
    void version_printsTheBuildsVersion(String option) {
        CliRun.Result result = CliRun.run(context, option);

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).matches("rekey \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\n");
        assertThat(result.err()).isEmpty();
        assertThat(context.useCasesOpened).hasValue(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"serve", "keys list", "keys rotate", "keys show", "keys destroy", "keys import",
        "credentials create", "credentials get", "credentials list", "credentials update", "credentials delete",
        "credentials import", "credentials export", "values encrypt", "values decrypt", "values inspect",
        "reencrypt", "verify", "downgrade", "instance-key change", "api-keys create", "api-keys list",
        "api-keys revoke"})
    void everyCommand_explainsItselfWithHelp(String command) {
        String[] words = command.split(" ");
        String[] args = java.util.Arrays.copyOf(words, words.length + 1);
        args[words.length] = "--help";

        CliRun.Result result = CliRun.run(context, args);

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Usage: rekey " + command, "--help", "--verbose");
        assertThat(result.out().lines().count()).isGreaterThan(3);
        assertThat(result.err()).isEmpty();
        assertThat(context.useCasesOpened).hasValue(0);
    }

    @Test
    void unknownCommand_isBadUsage_withASuggestion() {
        CliRun.Result result = CliRun.run(context, "keys", "lst");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).startsWith("error: ").contains("lst", "list", "rekey keys --help");
        assertThat(result.err().lines()).hasSize(1);
    }

    @Test
    void strayValue_isBadUsage_andNotEchoed() {
        CliRun.Result result = CliRun.run(context, "values", "inspect", "v1", "sEcReT+key/Value==");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("error: ").doesNotContain("sEcReT");
    }

    @Test
    void missingParameter_isBadUsage_andOpensNothing() {
        CliRun.Result result = CliRun.run(context, "keys", "show");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("error: missing required parameter").contains("ID");
        assertThat(result.err().lines()).hasSize(1);
        assertThat(context.useCasesOpened).hasValue(0);
    }

    @Test
    void notANumber_isBadUsage() {
        CliRun.Result result = CliRun.run(context, "keys", "list", "--take", "many");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("error: ").contains("--take", "many");
    }

    @ParameterizedTest
    @CsvSource({
        "INVALID_INPUT, 2", "MALFORMED_VALUE, 2", "UNSUPPORTED_VERSION, 2", "DECRYPTION_FAILED, 2",
        "MALFORMED_STORED_VALUE, 2",
        "KEY_NOT_FOUND, 2", "KEY_DESTROYED, 2", "RECORD_NOT_FOUND, 2", "API_KEY_NOT_FOUND, 2",
        "ROTATION_DISABLED, 2", "NO_ACTIVE_KEY, 1", "VERSION_CONFLICT, 1", "ROTATION_CONFLICT, 1",
        "KEY_IN_USE, 1", "KEY_ACTIVE, 1", "DUPLICATE_ID, 1", "JOB_RUNNING, 1", "WRONG_INSTANCE_KEY, 1",
        "INSTANCE_KEY_MISMATCH, 1", "KEYRING_NOT_SEEDED, 1", "STORAGE_FAILURE, 1", "UNAUTHORIZED, 1",
        "FORBIDDEN, 1"})
    void rekeyException_exitsByItsKind_withOneErrorLine(String name, int exitCode) {
        ErrorCode code = everyErrorCode().filter(each -> each.name().equals(name)).findFirst().orElseThrow();
        when(context.keys.showDataKey().showDataKey(any()))
                .thenThrow(new RekeyException(code, "it went wrong; do this instead"));

        CliRun.Result result = CliRun.run(context, "keys", "show", "Ab12");

        assertThat(result.exitCode()).isEqualTo(exitCode);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEqualTo("error: it went wrong; do this instead [" + code + "]\n");
    }

    @Test
    void exitCodeTableAbove_listsEveryErrorCode() {
        assertThat(everyErrorCode().toList()).hasSize(26);
    }

    @Test
    void failure_withoutVerbose_hasNoStackTrace() {
        when(context.keys.showDataKey().showDataKey(new DataKeyId("Ab12")))
                .thenThrow(new RekeyException(ErrorCode.KEY_NOT_FOUND, "no key Ab12"));

        CliRun.Result result = CliRun.run(context, "keys", "show", "Ab12");

        assertThat(result.err()).doesNotContain("\tat ", "Exception");
        assertThat(context.verbose).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"--verbose keys show Ab12", "keys show Ab12 --verbose", "keys --verbose show Ab12"})
    void verbose_anywhere_printsTheStackTraceAndTellsTheContext(String command) {
        when(context.keys.showDataKey().showDataKey(new DataKeyId("Ab12")))
                .thenThrow(new RekeyException(ErrorCode.KEY_NOT_FOUND, "no key Ab12"));

        CliRun.Result result = CliRun.run(context, command.split(" "));

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(context.verbose).isTrue();
        assertThat(result.err()).contains("RekeyException", "\tat ").endsWith("error: no key Ab12 [KEY_NOT_FOUND]\n");
    }

    @Test
    void unexpectedException_isFailure_withOneLineThatPointsToVerbose() {
        when(context.keys.rotateDataKey().rotateDataKey(any())).thenThrow(new IllegalStateException("pool closed"));

        CliRun.Result result = CliRun.run(context, "keys", "rotate");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo(
                "error: unexpected failure (IllegalStateException): pool closed; run again with --verbose for details\n");
    }

    @Test
    void unexpectedExceptionWithoutMessage_saysWhatItWas() {
        when(context.keys.rotateDataKey().rotateDataKey(any())).thenThrow(new NullPointerException());

        CliRun.Result result = CliRun.run(context, "keys", "rotate");

        assertThat(result.err()).isEqualTo(
                "error: unexpected failure (NullPointerException); run again with --verbose for details\n");
    }

    @Test
    void failingToOpenTheDatabase_isReportedAsOneLine() {
        context.openFailure = new RekeyException(ErrorCode.WRONG_INSTANCE_KEY,
                "data key X does not unwrap with this instance key");

        CliRun.Result result = CliRun.run(context, "keys", "list");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo(
                "error: data key X does not unwrap with this instance key [WRONG_INSTANCE_KEY]\n");
    }

    @Test
    void multiLineMessage_isPrintedOnOneLine() {
        when(context.keys.rotateDataKey().rotateDataKey(any()))
                .thenThrow(new RekeyException(ErrorCode.NO_ACTIVE_KEY, "no active key\n  run rekey serve once"));

        CliRun.Result result = CliRun.run(context, "keys", "rotate");

        assertThat(result.err()).isEqualTo("error: no active key run rekey serve once [NO_ACTIVE_KEY]\n");
    }

    @Test
    void serve_runsTheServer() {
        CliRun.Result result = CliRun.run(context, "serve");

        assertThat(result.exitCode()).isZero();
        assertThat(context.served).hasValue(1);
        assertThat(result.out()).isEmpty();
    }

    /** The domain's codes and the application's. */
    private static Stream<ErrorCode> everyErrorCode() {
        return Stream.concat(Stream.of(DomainErrorCode.values()), Stream.of(ApplicationErrorCode.values()));
    }
}
