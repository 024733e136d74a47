package org.rekey.adapter.http.request;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.rekey.adapter.http.error.HttpProblem;
import org.rekey.domain.error.RekeyException;

/**
 * Reads a JSON request body into an explicit request record, strictly: {@code application/json} only
 * (415 otherwise), at most {@link #MAX_BYTES} (413), and every malformed, mistyped or unknown field is a
 * 400 whose message names the field but never echoes the body (it may hold secrets).
 */
public final class JsonBody {

    /** Request bodies are limited to 1 MiB of credential data plus 64 KiB for the rest: 1,114,112 bytes. */
    public static final long MAX_BYTES = 1024 * 1024 + 64 * 1024;

    private final ObjectMapper mapper;

    public JsonBody(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The body as {@code type}; an empty body is a 400. */
    public <T> T read(Context ctx, Class<T> type) {
        return readOptional(ctx, type)
                .orElseThrow(() -> RekeyException.invalid("a JSON object body is required"));
    }

    /** The body as {@code type}, or empty when the request has no body at all. */
    public <T> Optional<T> readOptional(Context ctx, Class<T> type) {
        rejectDeclaredOversize(ctx);
        String contentType = ctx.header("Content-Type");
        if (contentType == null && declaresNoBody(ctx)) {
            return Optional.empty();
        }
        requireJsonContentType(contentType);
        byte[] bytes = readAtMostMaxBytes(ctx);
        if (isBlank(bytes)) {
            return Optional.empty();
        }
        T value = parse(bytes, type);
        if (value == null) {
            throw RekeyException.invalid("the request body must be a JSON object, not null");
        }
        return Optional.of(value);
    }

    /**
     * The whole body, or a 413 when it is longer than {@link #MAX_BYTES}. A body that ends before it said it
     * would (an early end of stream, a broken chunked encoding) is the caller's fault: a 400.
     */
    private static byte[] readAtMostMaxBytes(Context ctx) {
        byte[] bytes;
        try {
            bytes = ctx.req().getInputStream().readNBytes((int) MAX_BYTES + 1);
        } catch (IOException | UncheckedIOException e) {
            throw RekeyException.invalid("the request body could not be read: it ended early or its chunked "
                    + "encoding is broken");
        }
        if (bytes.length > MAX_BYTES) {
            throw tooLarge(ctx);
        }
        return bytes;
    }

    private static void rejectDeclaredOversize(Context ctx) {
        String length = ctx.header("Content-Length");
        if (length != null) {
            try {
                if (Long.parseLong(length.strip()) > MAX_BYTES) {
                    throw tooLarge(ctx);
                }
            } catch (NumberFormatException e) {
                throw RekeyException.invalid("the Content-Length header is not a number");
            }
        }
    }

    /**
     * A 413, answered at once without reading the rest of the body (which a client may never send), and the
     * connection closed after it. Clients that send large bodies should ask first with {@code Expect: 100-continue}.
     */
    private static RuntimeException tooLarge(Context ctx) {
        ctx.header("Connection", "close");
        return HttpProblem.payloadTooLarge(MAX_BYTES);
    }

    private static boolean declaresNoBody(Context ctx) {
        return ctx.header("Transfer-Encoding") == null
                && (ctx.header("Content-Length") == null || "0".equals(ctx.header("Content-Length").strip()));
    }

    private static void requireJsonContentType(String contentType) {
        if (contentType == null) {
            throw HttpProblem.unsupportedMediaType("send the body as Content-Type: application/json");
        }
        String[] parts = contentType.split(";");
        if (!parts[0].strip().equalsIgnoreCase("application/json")) {
            throw HttpProblem.unsupportedMediaType("send the body as Content-Type: application/json");
        }
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].split("=", 2);
            if (parameter[0].strip().equalsIgnoreCase("charset")
                    && (parameter.length < 2 || !unquote(parameter[1]).equalsIgnoreCase("utf-8"))) {
                throw HttpProblem.unsupportedMediaType("JSON bodies must be UTF-8");
            }
        }
    }

    private static String unquote(String text) {
        String stripped = text.strip();
        return stripped.length() >= 2 && stripped.startsWith("\"") && stripped.endsWith("\"")
                ? stripped.substring(1, stripped.length() - 1) : stripped;
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    private <T> T parse(byte[] bytes, Class<T> type) {
        try {
            return mapper.readValue(bytes, type);
        } catch (UnrecognizedPropertyException e) {
            throw RekeyException.invalid("unknown field '" + path(e) + "'; allowed fields: " + known(e));
        } catch (MismatchedInputException e) {
            throw RekeyException.invalid(mismatch(e));
        } catch (JsonMappingException e) {
            throw RekeyException.invalid(e.getPath().isEmpty() ? "the request body is not valid here"
                    : "field '" + path(e) + "' has a value that is out of range or of the wrong type");
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw RekeyException.invalid(at == null ? "the request body is not well-formed JSON"
                    : "the request body is not well-formed JSON (line " + at.getLineNr() + ", column "
                            + at.getColumnNr() + ")");
        } catch (IOException e) {
            throw RekeyException.invalid("the request body could not be read");
        }
    }

    private static String mismatch(MismatchedInputException e) {
        if (e.getPath().isEmpty()) {
            return "the request body must be a single JSON object";
        }
        return "field '" + path(e) + "' must be " + describe(e.getTargetType());
    }

    static String describe(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (ObjectNode.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type)) {
            return "a JSON object";
        }
        if (List.class.isAssignableFrom(type) || type.isArray()) {
            return "a JSON array";
        }
        return "a JSON object";
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String known(UnrecognizedPropertyException e) {
        if (e.getKnownPropertyIds() == null) {
            return "none";
        }
        return String.join(", ", e.getKnownPropertyIds().stream().map(String::valueOf)
                .collect(Collectors.toCollection(TreeSet::new)));
    }
}
