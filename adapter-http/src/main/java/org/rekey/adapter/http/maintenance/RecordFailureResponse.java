package org.rekey.adapter.http.maintenance;

import org.rekey.application.port.in.maintenance.RecordFailure;

/** A stored value that failed: its table, row id and field, the error code and a message without secrets. */
public record RecordFailureResponse(String table, String recordId, String field, String code, String message) {

    public static RecordFailureResponse of(RecordFailure failure) {
        return new RecordFailureResponse(failure.table(), failure.recordId(), failure.field(), failure.code(),
                failure.message());
    }
}
