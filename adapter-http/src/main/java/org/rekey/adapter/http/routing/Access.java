package org.rekey.adapter.http.routing;

import java.util.Optional;
import org.rekey.application.apikey.Scope;

/** Who may call a route: anyone, any valid API token, or a token holding one scope. */
public record Access(boolean tokenRequired, Optional<Scope> scope) {

    public static final Access PUBLIC = new Access(false, Optional.empty());
    public static final Access ANY_TOKEN = new Access(true, Optional.empty());

    public Access {
        if (scope.isPresent() && !tokenRequired) {
            throw new IllegalArgumentException("a scope needs a token");
        }
    }

    public static Access scope(Scope scope) {
        return new Access(true, Optional.of(scope));
    }
}
