package org.rekey.application.apikey;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.rekey.domain.error.RekeyException;

/** What an API token may do. Wire names follow n8n's scopes. */
public enum Scope {
    ENCRYPTION_KEY_MANAGE("encryptionKey:manage"),
    CREDENTIAL_CREATE("credential:create"),
    CREDENTIAL_READ("credential:read"),
    CREDENTIAL_UPDATE("credential:update"),
    CREDENTIAL_DELETE("credential:delete"),
    CREDENTIAL_LIST("credential:list");

    private final String wireName;

    Scope(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Scope fromWire(String name) {
        for (Scope scope : values()) {
            if (scope.wireName.equals(name)) {
                return scope;
            }
        }
        throw RekeyException.invalid("unknown scope '" + name + "'; known scopes: "
                + Arrays.stream(values()).map(Scope::wireName).collect(Collectors.joining(", ")));
    }
}
