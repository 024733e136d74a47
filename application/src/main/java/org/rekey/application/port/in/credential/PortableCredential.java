package org.rekey.application.port.in.credential;

import java.time.Instant;

/**
 * One entry of n8n's {@code export:credentials} JSON: {@code data} is the encrypted value, or the
 * decrypted JSON object text in a decrypted export. {@code toString} omits the data.
 */
public record PortableCredential(String id, String name, String type, String data, Instant createdAt,
        Instant updatedAt) {

    @Override
    public String toString() {
        return "PortableCredential[id=" + id + ", name=" + name + "]";
    }
}
