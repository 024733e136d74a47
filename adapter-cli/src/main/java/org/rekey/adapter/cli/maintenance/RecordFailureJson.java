package org.rekey.adapter.cli.maintenance;

import org.rekey.application.port.in.maintenance.RecordFailure;

/** A stored value that failed, in {@code --json} output: table, row id, field, error code, a message without secrets. */
record RecordFailureJson(String table, String recordId, String field, String code, String message) {

    static RecordFailureJson of(RecordFailure failure) {
        return new RecordFailureJson(failure.table(), failure.recordId(), failure.field(), failure.code(),
                failure.message());
    }
}
