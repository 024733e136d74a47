package org.rekey.application.port.in.key;

import org.rekey.domain.error.RekeyException;

/** Sort order for key lists: {@code createdAt|updatedAt|status} then {@code :asc|:desc}. */
public record KeySort(Field field, boolean ascending) {

    /** Sortable fields, by their wire names. */
    public enum Field {
        CREATED_AT("createdAt"), UPDATED_AT("updatedAt"), STATUS("status");

        private final String wireName;

        Field(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    public static final KeySort DEFAULT = new KeySort(Field.CREATED_AT, false);

    /** Parses {@code field:asc|desc}; a bare field sorts descending. */
    public static KeySort parse(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT;
        }
        String[] parts = text.split(":", -1);
        if (parts.length > 2) {
            throw invalid(text);
        }
        Field field = null;
        for (Field f : Field.values()) {
            if (f.wireName.equals(parts[0])) {
                field = f;
            }
        }
        if (field == null || (parts.length == 2 && !parts[1].equals("asc") && !parts[1].equals("desc"))) {
            throw invalid(text);
        }
        return new KeySort(field, parts.length == 2 && parts[1].equals("asc"));
    }

    private static RekeyException invalid(String text) {
        return RekeyException.invalid("sortBy must be createdAt, updatedAt or status, then :asc or :desc");
    }

    public String wireName() {
        return field.wireName + ":" + (ascending ? "asc" : "desc");
    }
}
