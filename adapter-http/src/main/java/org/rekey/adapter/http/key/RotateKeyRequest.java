package org.rekey.adapter.http.key;

/** The body of {@code POST /rest/encryption/keys}: {@code {"type":"data_encryption"}}. */
public record RotateKeyRequest(String type) {
}
