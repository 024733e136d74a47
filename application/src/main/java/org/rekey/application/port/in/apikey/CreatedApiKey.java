package org.rekey.application.port.in.apikey;

/** A new API key with its token, which is shown this once and never again. {@code toString} omits the token. */
public record CreatedApiKey(ApiKeyView key, String token) {
    @Override
    public String toString() {
        return "CreatedApiKey[id=" + key.id() + "]";
    }
}
