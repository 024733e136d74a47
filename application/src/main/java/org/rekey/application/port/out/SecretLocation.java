package org.rekey.application.port.out;

import java.util.Objects;

/**
 * Where a store keeps one encrypted value: a table, a row in it, and a field of that row (a column, or a
 * path inside a column that holds several values, such as {@code mfaRecoveryCodes[2]} or
 * {@code value.bindingAdminPassword}). Names only; never the value.
 *
 * <p>Locations order by table, then row id, then field: the order in which a store pages through its
 * secrets ({@link LoadSecretsPort#loadSecretsAfter}).
 */
public record SecretLocation(String table, String rowId, String field) implements Comparable<SecretLocation> {

    public SecretLocation {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(rowId, "rowId");
        Objects.requireNonNull(field, "field");
    }

    @Override
    public int compareTo(SecretLocation other) {
        int byTable = table.compareTo(other.table);
        if (byTable != 0) {
            return byTable;
        }
        int byRow = rowId.compareTo(other.rowId);
        return byRow != 0 ? byRow : field.compareTo(other.field);
    }

    /** {@code table/rowId/field}, for reports and messages. */
    @Override
    public String toString() {
        return table + "/" + rowId + "/" + field;
    }
}
