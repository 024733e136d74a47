package org.rekey.adapter.http.key;

import java.time.Instant;
import org.rekey.application.port.in.key.DataKeyView;

/** A data key on the wire: metadata and how many records use it, never key material. */
public record KeyResponse(String id, String type, String algorithm, String status, Instant createdAt,
        Instant updatedAt, long recordCount) {

    public static KeyResponse of(DataKeyView view) {
        return new KeyResponse(view.id(), view.type(), view.algorithm(), view.status(), view.createdAt(),
                view.updatedAt(), view.recordCount());
    }
}
