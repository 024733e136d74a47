package org.rekey.adapter.http.credential;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.rekey.application.port.in.credential.CredentialView;

/**
 * A credential on the wire: metadata, the id of the key its data is under ({@code null} for the legacy
 * format and for a malformed value), {@code valueFormat} ({@code legacy}, {@code data-key} or {@code malformed})
 * and, only when asked for, the decrypted data. {@code toString} omits the data.
 */
public record CredentialResponse(String id, String name, String type, String keyId, String valueFormat,
        Instant createdAt, Instant updatedAt, @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode data) {

    public static CredentialResponse metadata(CredentialView view) {
        return new CredentialResponse(view.id(), view.name(), view.type(), view.keyId().orElse(null),
                view.valueShape().wireName(), view.createdAt(), view.updatedAt(), null);
    }

    public CredentialResponse withData(JsonNode decrypted) {
        return new CredentialResponse(id, name, type, keyId, valueFormat, createdAt, updatedAt, decrypted);
    }

    @Override
    public String toString() {
        return "CredentialResponse[id=" + id + ", keyId=" + keyId + "]";
    }
}
