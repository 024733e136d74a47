package org.rekey.application.port.in.apikey;

import java.util.Set;
import org.rekey.application.apikey.Scope;
import org.rekey.application.audit.Actor;

/** Who a valid token belongs to and what it may do. */
public record Principal(String apiKeyId, String label, Set<Scope> scopes) {

    /** This token, as the audit trail names who acted. */
    public Actor actor() {
        return Actor.apiKey(apiKeyId, label);
    }

    public boolean may(Scope scope) {
        return scopes.contains(scope);
    }
}
