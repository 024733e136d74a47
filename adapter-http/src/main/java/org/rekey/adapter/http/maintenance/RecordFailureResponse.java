package org.rekey.adapter.http.maintenance;

import org.rekey.application.port.in.maintenance.RecordFailure;

/** A record that failed: its id, error code and a message without secrets. */
public record RecordFailureResponse(String recordId, String code, String message) {

    public static RecordFailureResponse of(RecordFailure failure) {
        return new RecordFailureResponse(failure.recordId(), failure.code(), failure.message());
    }
}
