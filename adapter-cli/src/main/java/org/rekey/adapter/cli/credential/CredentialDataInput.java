package org.rekey.adapter.cli.credential;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.rekey.adapter.cli.console.JsonCodec;
import org.rekey.adapter.cli.console.TextFiles;
import org.rekey.domain.error.RekeyException;

/** The {@code --data JSON|@FILE} argument: JSON text or a file of it, which must hold one JSON object. */
final class CredentialDataInput {

    static final String HELP = "The data: a JSON object, or @FILE to read it from a file (keeps secrets out of"
            + " your shell history).";

    private CredentialDataInput() {
    }

    /** @return the object as compact JSON text */
    static String canonical(String argument, JsonCodec json) {
        String text;
        String what;
        if (argument.startsWith("@")) {
            Path file = path(argument.substring(1));
            text = TextFiles.read(file, "data file", TextFiles.MAX_SMALL_FILE_BYTES);
            what = "data file " + file;
        } else {
            text = argument;
            what = "--data";
        }
        JsonNode node = json.parse(text, what);
        if (!node.isObject()) {
            throw RekeyException.invalid(what + " must be a JSON object, like {\"user\":\"me\",\"password\":\"...\"}");
        }
        return json.compact(node);
    }

    private static Path path(String name) {
        if (name.isEmpty()) {
            throw RekeyException.invalid("--data @ needs a file name, like --data @credential.json");
        }
        try {
            return Path.of(name);
        } catch (InvalidPathException e) {
            throw RekeyException.invalid("--data @" + name + " is not a valid file name");
        }
    }
}
