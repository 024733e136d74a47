package org.rekey.adapter.cli.key;

import java.time.Instant;
import org.rekey.application.port.in.key.DataKeyView;

/** A data key in {@code --json} output: the HTTP API's key item plus its record count. */
record KeyJson(String id, String type, String algorithm, String status, Instant createdAt, Instant updatedAt,
        long recordCount) {

    static KeyJson of(DataKeyView key) {
        return new KeyJson(key.id(), key.type(), key.algorithm(), key.status(), key.createdAt(), key.updatedAt(),
                key.recordCount());
    }
}
