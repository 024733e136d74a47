package org.rekey.adapter.cli.console;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import org.rekey.domain.error.RekeyException;

/**
 * JSON for the command line: output with ISO 8601 dates, and strict parsing of input whose errors
 * give the position but never echo the content (it may be a secret).
 */
public final class JsonCodec {

    private final ObjectMapper mapper = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    /** An output object as indented JSON. */
    public String pretty(Object value) {
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** A node as compact JSON text. */
    public String compact(JsonNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON tree", e);
        }
    }

    /**
     * Parses JSON text.
     *
     * @param what names the input in errors, e.g. "--data"
     * @throws RekeyException {@code INVALID_INPUT} with the line and column of the problem, or the limit of
     *     Jackson's {@code StreamReadConstraints} (string length, nesting depth, number length) it exceeds
     */
    public JsonNode parse(String text, String what) {
        JsonNode node;
        try {
            node = mapper.readTree(text);
        } catch (StreamConstraintsException e) {
            throw RekeyException.invalid(what + " is beyond a limit of the JSON reader" + where(e) + ": "
                    + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw RekeyException.invalid(what + " is not valid JSON" + where(e) + reason(e));
        }
        if (node == null || node.isMissingNode()) {
            throw RekeyException.invalid(what + " is empty; expected JSON");
        }
        return node;
    }

    /** Decrypted credential data as JSON: the object it holds, or a string when it is not JSON. */
    public JsonNode dataNode(String plaintext) {
        try {
            JsonNode node = mapper.readTree(plaintext);
            return node == null || node.isMissingNode() ? TextNode.valueOf(plaintext) : node;
        } catch (JsonProcessingException e) {
            return TextNode.valueOf(plaintext);
        }
    }

    /** An indented streaming generator over a writer, for results too large to build in memory. */
    public JsonGenerator generator(Writer writer) {
        try {
            return mapper.createGenerator(writer).useDefaultPrettyPrinter();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String where(JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static String reason(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        if (message != null && message.startsWith("Duplicate field")) {
            return ": a field appears twice";
        }
        if (message != null && message.startsWith("Trailing token")) {
            return ": there is more text after the JSON value";
        }
        if (message != null && message.startsWith("Unexpected end-of-input")) {
            return ": it ends too early";
        }
        return "";
    }
}
