package org.rekey.adapter.cli.maintenance;

import org.rekey.application.port.in.maintenance.RecordFailure;

/** A record that failed, in {@code --json} output: id, error code and a message without secrets. */
record RecordFailureJson(String recordId, String code, String message) {

    static RecordFailureJson of(RecordFailure failure) {
        return new RecordFailureJson(failure.recordId(), failure.code(), failure.message());
    }
}
