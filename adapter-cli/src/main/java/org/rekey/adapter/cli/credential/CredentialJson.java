package org.rekey.adapter.cli.credential;

import java.time.Instant;
import org.rekey.application.port.in.credential.CredentialView;

/**
 * A credential's metadata in {@code --json} output, as the HTTP API shows it; keyId is null for a legacy or
 * malformed value, and valueFormat says which ({@code legacy}, {@code data-key}, {@code malformed}).
 */
record CredentialJson(String id, String name, String type, String keyId, String valueFormat, Instant createdAt,
        Instant updatedAt) {

    static CredentialJson of(CredentialView view) {
        return new CredentialJson(view.id(), view.name(), view.type(), view.keyId().orElse(null),
                view.valueShape().wireName(), view.createdAt(), view.updatedAt());
    }
}
