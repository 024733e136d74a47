package org.rekey.application.port.in.maintenance;

/** A record that could not be read or moved: its id, the error code and a message without secrets. */
public record RecordFailure(String recordId, String code, String message) {
}
