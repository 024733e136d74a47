package org.rekey.adapter.cli.console;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * The one place that writes to the command's streams. stdout carries only the result; notices,
 * warnings, errors and progress go to stderr.
 */
public final class Printer {

    private final PrintStream out;
    private final PrintStream err;
    private final boolean terminal;
    private final JsonCodec json;
    private int progressWidth;

    public Printer(PrintStream out, PrintStream err, boolean terminal, JsonCodec json) {
        this.out = out;
        this.err = err;
        this.terminal = terminal;
        this.json = json;
    }

    /** Whether the streams are a terminal: progress bars are drawn and raw values end with a newline. */
    public boolean isTerminal() {
        return terminal;
    }

    /** A line of the result on stdout. */
    public void line(String text) {
        out.print(text);
        out.print('\n');
        out.flush();
    }

    /** A value exactly as it is ({@code $(rekey values decrypt V)} is the plaintext); a newline only on a terminal. */
    public void value(String value) {
        out.print(value);
        if (terminal) {
            out.print('\n');
        }
        out.flush();
    }

    /** An object as indented JSON on stdout. */
    public void json(Object value) {
        line(json.pretty(value));
    }

    /** An aligned table on stdout. */
    public void table(Table table) {
        out.print(table.render());
        out.flush();
    }

    /** Something the user should know that is not the result, on stderr. */
    public void notice(String text) {
        endProgress();
        err.print(text);
        err.print('\n');
        err.flush();
    }

    public void warning(String text) {
        notice("warning: " + text);
    }

    /** The one error line: {@code error: } and a message on a single line. */
    public void error(String message) {
        notice("error: " + message.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip());
    }

    /** A stack trace on stderr, for {@code --verbose}. */
    public void stackTrace(Throwable failure) {
        endProgress();
        failure.printStackTrace(err);
        err.flush();
    }

    /** Redraws the progress line on stderr (only call on a terminal). */
    public void progress(String line) {
        StringBuilder text = new StringBuilder("\r").append(line);
        for (int i = line.length(); i < progressWidth; i++) {
            text.append(' ');
        }
        progressWidth = line.length();
        err.print(text);
        err.flush();
    }

    /** Ends a progress line, if one is drawn, so the next output starts on a fresh line. */
    public void endProgress() {
        if (progressWidth > 0) {
            progressWidth = 0;
            err.print('\n');
            err.flush();
        }
    }

    /** stdout as a writer, for streamed results (a large export) and for picocli's usage help. */
    public PrintWriter outWriter() {
        return new PrintWriter(new StreamWriter(out), true);
    }

    /** stderr as a writer, for picocli. */
    public PrintWriter errWriter() {
        return new PrintWriter(new StreamWriter(err), true);
    }

    /** Writes characters through a print stream (so its charset applies) and never closes it. */
    private static final class StreamWriter extends Writer {
        private final PrintStream stream;

        StreamWriter(PrintStream stream) {
            this.stream = stream;
        }

        @Override
        public void write(char[] buffer, int offset, int length) {
            stream.print(new String(buffer, offset, length));
        }

        @Override
        public void flush() {
            stream.flush();
        }

        @Override
        public void close() {
            stream.flush();
        }
    }
}
