package org.rekey.domain.key;

/** The cipher format of a stored value, as {@code values inspect} reports it. */
public enum ValueFormat {
    /** No key id: OpenSSL-style CBC under the instance key. */
    LEGACY("legacy"),
    /** {@code keyId:} then GCM v1 under that data key. */
    GCM_V1("aes-256-gcm"),
    /** {@code keyId:} then OpenSSL-style CBC under that key's string (the seeded legacy row). */
    KEYED_CBC("aes-256-cbc");

    private final String wireName;

    ValueFormat(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
