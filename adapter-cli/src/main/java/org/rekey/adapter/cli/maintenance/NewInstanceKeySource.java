package org.rekey.adapter.cli.maintenance;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import org.rekey.adapter.cli.console.TextFiles;
import org.rekey.domain.error.RekeyException;
import org.rekey.domain.key.InstanceKey;
import picocli.CommandLine.Option;

/** Where the new instance key comes from: an environment variable or a file, never an argument value. */
final class NewInstanceKeySource {

    @Option(names = "--from-env", paramLabel = "VAR",
            description = "Read the new key from the environment variable VAR (its name, not the key).")
    private String variable;

    @Option(names = "--from-file", paramLabel = "PATH",
            description = "Read the new key from the file PATH (surrounding whitespace and newlines are ignored).")
    private Path file;

    /** @throws RekeyException {@code INVALID_INPUT} for a missing or empty variable or file */
    InstanceKey read(Function<String, Optional<String>> environment) {
        if (variable != null) {
            String value = environment.apply(variable).orElseThrow(() -> RekeyException.invalid(
                    "the environment variable " + variable + " is not set; export the new instance key in it"));
            return nonEmpty(value, "the environment variable " + variable);
        }
        return nonEmpty(TextFiles.read(file, "key file"), "the key file " + file);
    }

    private static InstanceKey nonEmpty(String value, String source) {
        String key = value.strip();
        if (key.isEmpty()) {
            throw RekeyException.invalid(source + " is empty; put the new instance key in it");
        }
        return InstanceKey.of(key);
    }
}
