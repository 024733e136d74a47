package org.rekey.adapter.cli;

import java.util.List;
import java.util.regex.Pattern;
import org.rekey.adapter.cli.console.ExitCodes;
import org.rekey.adapter.cli.console.Printer;
import org.rekey.domain.error.RekeyException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/** Turns a failure into the one {@code error:} line and its exit code; a stack trace only with --verbose. */
final class ErrorReporter implements IParameterExceptionHandler, IExecutionExceptionHandler {

    private static final Pattern NAME_LIKE = Pattern.compile("-{0,2}[a-z][a-z-]{0,30}");

    private final Printer printer;

    ErrorReporter(Printer printer) {
        this.printer = printer;
    }

    @Override
    public int handleParseException(ParameterException failure, String[] args) {
        CommandLine command = failure.getCommandLine();
        StringBuilder message = new StringBuilder(lowerFirst(failure.getMessage()));
        if (failure instanceof UnmatchedArgumentException unmatched) {
            message = new StringBuilder(describeUnmatched(unmatched.getUnmatched()));
            List<String> suggestions = unmatched.getSuggestions();
            if (!suggestions.isEmpty()) {
                message.append("; did you mean ").append(String.join(" or ", suggestions)).append('?');
            }
        }
        message.append("; see '").append(command.getCommandSpec().qualifiedName()).append(" --help'");
        printer.error(message.toString());
        return ExitCodes.BAD_INPUT;
    }

    @Override
    public int handleExecutionException(Exception failure, CommandLine command, ParseResult parseResult) {
        boolean verbose = verboseRequested(parseResult);
        if (verbose) {
            printer.stackTrace(failure);
        }
        if (failure instanceof RekeyException rekey) {
            printer.error(rekey.getMessage() + " [" + rekey.code().name() + "]");
            return ExitCodes.of(rekey.code().kind());
        }
        String detail = failure.getMessage() == null ? "" : ": " + failure.getMessage();
        printer.error("unexpected failure (" + failure.getClass().getSimpleName() + ")" + detail
                + (verbose ? "" : "; run again with --verbose for details"));
        return ExitCodes.FAILURE;
    }

    /**
     * Names an unexpected argument only when it looks like a command or option name: a stray value could be
     * a secret (say, a key given as an argument), and the error line must not echo it.
     */
    private static String describeUnmatched(List<String> unmatched) {
        List<String> named = unmatched.stream().filter(a -> NAME_LIKE.matcher(a).matches()).toList();
        if (named.size() == unmatched.size()) {
            return "unknown command or option: " + String.join(" ", named);
        }
        return unmatched.size() + " unexpected argument(s) (not shown: they may be secrets)";
    }

    /** Whether --verbose was given at any level of the command line. */
    static boolean verboseRequested(ParseResult parseResult) {
        for (ParseResult level = parseResult; level != null; level = level.subcommand()) {
            if (level.hasMatchedOption(RootCommand.VERBOSE)) {
                return true;
            }
        }
        return false;
    }

    private static String lowerFirst(String text) {
        if (text == null || text.isBlank()) {
            return "invalid command line";
        }
        String message = text.strip().replaceFirst("^(?i)error:\\s*", "");
        return Character.toLowerCase(message.charAt(0)) + message.substring(1);
    }
}
