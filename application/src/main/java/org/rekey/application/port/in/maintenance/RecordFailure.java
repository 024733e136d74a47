package org.rekey.application.port.in.maintenance;

/**
 * A stored value that could not be read or moved: where it is (a table, a row in it, and a field of that row;
 * {@code recordId} is the row's id), the error code and a message without secrets.
 */
public record RecordFailure(String table, String recordId, String field, String code, String message) {
}
