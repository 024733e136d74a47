package org.rekey.adapter.persistence.n8n;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A document in the format of the npm package {@code flatted} (3.x), as n8n stores execution data: a JSON
 * array whose entry 0 is the root value; every object and array is one entry, and inside an entry every string
 * value and every object or array is replaced by the index of its entry, written as a string ({@code "3"}).
 * Numbers, booleans and null stay in place; strings are stored once each (equal strings share an entry).
 *
 * <p>Reads the entries, follows references, and replaces string entries in the original text, leaving every
 * other character as it was.
 */
final class FlattedJson {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
            .build();
    private static final ObjectMapper JSON = new ObjectMapper(FACTORY);

    private final String text;
    private final List<JsonNode> entries;
    /** Where each entry starts in {@link #text}. */
    private final List<Integer> starts;

    private FlattedJson(String text, List<JsonNode> entries, List<Integer> starts) {
        this.text = text;
        this.entries = entries;
        this.starts = starts;
    }

    /** The document in {@code text}; empty unless it is a non-empty JSON array (every flatted document is). */
    static Optional<FlattedJson> parse(String text) {
        List<JsonNode> entries = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        try (JsonParser parser = FACTORY.createParser(text)) {
            parser.setCodec(JSON);
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                return Optional.empty();
            }
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                starts.add(Math.toIntExact(parser.currentTokenLocation().getCharOffset()));
                entries.add(parser.readValueAsTree());
            }
            if (parser.nextToken() != null || entries.isEmpty()) {
                return Optional.empty();
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.of(new FlattedJson(text, entries, starts));
    }

    int size() {
        return entries.size();
    }

    /** Entry {@code index} as stored: an object or array (holding references), a string, or another scalar. */
    JsonNode entry(int index) {
        return entries.get(index);
    }

    /**
     * The entry a value inside an object or array entry points to: a string there is always a reference.
     * Empty for a value that is not one (numbers, booleans, null), or points nowhere.
     */
    Optional<Integer> reference(JsonNode value) {
        if (value == null || !value.isTextual()) {
            return Optional.empty();
        }
        String digits = value.asText();
        if (digits.isEmpty() || digits.length() > 9 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        int index = Integer.parseInt(digits);
        return index < entries.size() ? Optional.of(index) : Optional.empty();
    }

    /**
     * The text with the given string entries replaced by new strings, written as JavaScript's
     * {@code JSON.stringify} writes them; every other character unchanged.
     *
     * @throws IllegalArgumentException if an index names an entry that is not a string
     */
    String withStrings(Map<Integer, String> replacements) {
        StringBuilder out = new StringBuilder(text.length() + 64 * replacements.size());
        int copied = 0;
        for (Map.Entry<Integer, String> replacement : new TreeMap<>(replacements).entrySet()) {
            int index = replacement.getKey();
            if (!entries.get(index).isTextual()) {
                throw new IllegalArgumentException("flatted entry " + index + " is not a string");
            }
            int start = starts.get(index);
            out.append(text, copied, start).append(jsString(replacement.getValue()));
            copied = endOfString(start);
        }
        return out.append(text, copied, text.length()).toString();
    }

    /** The index just past the JSON string literal that starts (with its quote) at {@code start}. */
    private int endOfString(int start) {
        int i = start + 1;
        while (text.charAt(i) != '"') {
            i += text.charAt(i) == '\\' ? 2 : 1;
        }
        return i + 1;
    }

    /** A string as {@code JSON.stringify} writes it (lower-case {@code \\u} escapes, {@code /} and non-ASCII as they are). */
    static String jsString(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    boolean loneSurrogate = Character.isHighSurrogate(c)
                            ? i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))
                            : Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(value.charAt(i - 1)));
                    if (c < 0x20 || loneSurrogate) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
