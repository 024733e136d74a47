package org.rekey.adapter.cli.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PrinterTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void value_offATerminal_isPrintedExactly() {
        printer(false).value("  pläin\ttext \n");

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("  pläin\ttext \n");
    }

    @Test
    void value_onATerminal_getsANewline() {
        printer(true).value("plain");

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("plain\n");
    }

    @Test
    void error_isOneLineOnStderr() {
        printer(false).error("first\r\n   second\nthird");

        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("error: first second third\n");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void warning_goesToStderr() {
        printer(false).warning("careful");

        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("warning: careful\n");
    }

    @Test
    void notice_afterAProgressLine_startsOnAFreshLine() {
        Printer printer = printer(true);
        printer.progress("50%");
        printer.notice("done");

        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("\r50%\ndone\n");
    }

    @Test
    void progress_shorterThanTheLastLine_blanksItsRest() {
        Printer printer = printer(true);
        printer.progress("12345");
        printer.progress("123");

        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("\r12345\r123  ");
    }

    @Test
    void json_isIndentedWithIsoDates() {
        printer(false).json(new Sample("a", java.time.Instant.parse("2024-05-01T10:00:00Z")));

        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo("{\n  \"id\" : \"a\",\n  \"at\" : \"2024-05-01T10:00:00Z\"\n}\n");
    }

    record Sample(String id, java.time.Instant at) {
    }

    private Printer printer(boolean terminal) {
        return new Printer(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), terminal, new JsonCodec());
    }
}
