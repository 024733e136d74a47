package org.rekey.application.port.in.apikey;

import java.util.Set;
import org.rekey.application.apikey.Scope;

/** Who a valid token belongs to and what it may do. */
public record Principal(String apiKeyId, Set<Scope> scopes) {
    public boolean may(Scope scope) {
        return scopes.contains(scope);
    }
}
