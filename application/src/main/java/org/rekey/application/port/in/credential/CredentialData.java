package org.rekey.application.port.in.credential;

import org.rekey.domain.error.RekeyException;

/** Checks the plaintext data of a credential: a JSON object, serialised by the adapter that parsed it. */
final class CredentialData {

    static final int MAX_LENGTH = 1024 * 1024;

    private CredentialData() {
    }

    static String require(String json) {
        if (json == null) {
            throw RekeyException.invalid("a credential needs data: a JSON object");
        }
        String trimmed = json.strip();
        if (!trimmed.startsWith("{") || !trimmed.endsWith("}")) {
            throw RekeyException.invalid("a credential's data must be a JSON object");
        }
        if (json.length() > MAX_LENGTH) {
            throw RekeyException.invalid("a credential's data is at most 1 MiB");
        }
        return json;
    }
}
