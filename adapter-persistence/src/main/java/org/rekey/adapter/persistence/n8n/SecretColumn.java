package org.rekey.adapter.persistence.n8n;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One column of an n8n table that holds encrypted values, and how they sit in it: the whole column is one
 * value, a comma-joined list of values ({@code user.mfaRecoveryCodes}), named string fields of a JSON object
 * ({@code settings.value} of one settings row), or pieces of an execution's flatted data
 * ({@code execution_data.data}, {@link ExecutionDataSecrets}). Splits a column into its values and puts new ones
 * back.
 *
 * @param keyColumns the row's primary key, in order; shown joined by {@code ,} as the location's row id
 * @param settingsKey for the {@code settings} table: the one row ({@code key}) this column entry covers
 */
record SecretColumn(String table, List<String> keyColumns, boolean numericKey, String column, Layout layout,
        Optional<String> settingsKey, List<String> jsonFields) {

    /** How encrypted values sit in the column. */
    enum Layout { WHOLE, COMMA_LIST, JSON_FIELDS, EXECUTION_DATA }

    /**
     * Words that every {@link Layout#EXECUTION_DATA} column holding an encrypted piece contains (the pieces' keys,
     * as flatted writes object keys): the database skips the other rows. Any row may still hold none.
     */
    private static final List<String> EXECUTION_DATA_MARKERS =
            List.of("\"credentials\"", "\"secureArtifacts\"", "\"encryptedMetadata\"");

    private static final ObjectMapper JSON = new ObjectMapper();

    SecretColumn {
        keyColumns = List.copyOf(keyColumns);
        jsonFields = List.copyOf(jsonFields);
        Objects.requireNonNull(settingsKey, "settingsKey");
    }

    static SecretColumn whole(String table, String keyColumn, String column) {
        return new SecretColumn(table, List.of(keyColumn), false, column, Layout.WHOLE, Optional.empty(), List.of());
    }

    static SecretColumn settings(String key, String... fields) {
        return new SecretColumn("settings", List.of("key"), false, "value",
                fields.length == 0 ? Layout.WHOLE : Layout.JSON_FIELDS, Optional.of(key), List.of(fields));
    }

    /** An execution's flatted data: the encrypted pieces inside it, each its own value. */
    static SecretColumn executionData(String table, String keyColumn, String column) {
        return new SecretColumn(table, List.of(keyColumn), true, column, Layout.EXECUTION_DATA, Optional.empty(),
                List.of());
    }

    SecretColumn withNumericKey() {
        return new SecretColumn(table, keyColumns, true, column, layout, settingsKey, jsonFields);
    }

    SecretColumn withKeys(String... columns) {
        return new SecretColumn(table, List.of(columns), numericKey, column, layout, settingsKey, jsonFields);
    }

    SecretColumn commaList() {
        return new SecretColumn(table, keyColumns, numericKey, column, Layout.COMMA_LIST, settingsKey, jsonFields);
    }

    /** Whether the location's field names a value of this column. */
    boolean holds(String rowId, String field) {
        if (settingsKey.isPresent() && !settingsKey.get().equals(rowId)) {
            return false;
        }
        return switch (layout) {
            case WHOLE -> field.equals(column);
            case COMMA_LIST -> field.startsWith(column + "[") && field.endsWith("]");
            case JSON_FIELDS -> field.startsWith(column + ".") && jsonFields.contains(field.substring(column.length() + 1));
            case EXECUTION_DATA -> field.equals(column) || field.startsWith(column + ":");
        };
    }

    /**
     * Words a column with an encrypted value in it contains, for the database to skip other rows of a big table
     * ({@code LIKE}); empty when every row with content counts.
     */
    List<String> markers() {
        return layout == Layout.EXECUTION_DATA ? EXECUTION_DATA_MARKERS : List.of();
    }

    /**
     * The encrypted values in a column's content, by field name, in field order; empty for a null or empty
     * column. JSON that does not parse, or a field that is not a string, is returned as it is so that callers
     * report it rather than pass over it; likewise execution data that is not flatted JSON, whole under the
     * column's name.
     */
    Map<String, String> split(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        switch (layout) {
            case WHOLE -> values.put(column, raw);
            case COMMA_LIST -> {
                String[] parts = raw.split(",", -1);
                for (int i = 0; i < parts.length; i++) {
                    values.put(column + "[" + i + "]", parts[i]);
                }
            }
            case JSON_FIELDS -> {
                JsonNode tree = parse(raw);
                for (String field : jsonFields) {
                    JsonNode node = tree == null ? null : tree.get(field);
                    if (tree == null) {
                        values.put(column + "." + field, raw);
                    } else if (node != null && !node.isNull() && !(node.isTextual() && node.asText().isEmpty())) {
                        values.put(column + "." + field, node.isTextual() ? node.asText() : node.toString());
                    }
                }
            }
            case EXECUTION_DATA -> {
                Optional<FlattedJson> document = FlattedJson.parse(raw);
                if (document.isEmpty()) {
                    values.put(column, raw);
                } else {
                    ExecutionDataSecrets.find(document.get()).forEach((path, piece) ->
                            values.put(column + ":" + path, piece.value()));
                }
            }
        }
        return values;
    }

    /** The column's content with the given fields' values replaced; the rest as it was. */
    String join(String raw, Map<String, String> replacements) {
        return switch (layout) {
            case WHOLE -> replacements.getOrDefault(column, raw);
            case COMMA_LIST -> {
                String[] parts = raw.split(",", -1);
                List<String> joined = new ArrayList<>(parts.length);
                for (int i = 0; i < parts.length; i++) {
                    joined.add(replacements.getOrDefault(column + "[" + i + "]", parts[i]));
                }
                yield String.join(",", joined);
            }
            case JSON_FIELDS -> {
                JsonNode tree = parse(raw);
                if (!(tree instanceof ObjectNode object)) {
                    throw new IllegalStateException("a JSON column to rewrite does not hold an object");
                }
                replacements.forEach((field, value) -> object.put(field.substring(column.length() + 1), value));
                yield object.toString();
            }
            case EXECUTION_DATA -> {
                FlattedJson document = FlattedJson.parse(raw).orElseThrow(() ->
                        new IllegalStateException("execution data to rewrite is not flatted JSON"));
                Map<String, ExecutionDataSecrets.Piece> pieces = ExecutionDataSecrets.find(document);
                Map<Integer, String> strings = new LinkedHashMap<>();
                replacements.forEach((field, value) -> {
                    ExecutionDataSecrets.Piece piece = pieces.get(field.substring(column.length() + 1));
                    if (piece == null) {
                        throw new IllegalStateException("execution data to rewrite has no piece " + field);
                    }
                    strings.put(piece.entry(), value);
                });
                yield document.withStrings(strings);
            }
        };
    }

    private static JsonNode parse(String raw) {
        try {
            JsonNode tree = JSON.readTree(raw);
            return tree != null && tree.isObject() ? tree : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
