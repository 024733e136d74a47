package org.rekey.adapter.cli.credential;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.rekey.application.port.in.credential.CredentialView;

/** {@code credentials get --json}: the metadata plus the decrypted data as a JSON object. */
record CredentialDataJson(String id, String name, String type, String keyId, String valueFormat, Instant createdAt,
        Instant updatedAt, JsonNode data) {

    static CredentialDataJson of(CredentialView view, JsonNode data) {
        return new CredentialDataJson(view.id(), view.name(), view.type(), view.keyId().orElse(null),
                view.valueShape().wireName(), view.createdAt(), view.updatedAt(), data);
    }
}
