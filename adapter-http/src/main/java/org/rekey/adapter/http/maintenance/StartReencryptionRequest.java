package org.rekey.adapter.http.maintenance;

/** The optional body of {@code POST /rest/encryption/reencryption}: {@code {"batchSize":N}}. */
public record StartReencryptionRequest(Integer batchSize) {
}
