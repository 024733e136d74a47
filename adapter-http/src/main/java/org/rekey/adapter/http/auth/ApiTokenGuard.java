package org.rekey.adapter.http.auth;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.Locale;
import java.util.Optional;
import org.rekey.adapter.http.routing.Access;
import org.rekey.adapter.http.routing.Route;
import org.rekey.application.apikey.Scope;
import org.rekey.application.audit.Actor;
import org.rekey.application.error.ApplicationErrorCode;
import org.rekey.application.port.in.apikey.AuthenticateUseCase;
import org.rekey.application.port.in.apikey.Principal;
import org.rekey.domain.error.RekeyException;

/**
 * Enforces a route's {@link Access}: reads the API token from {@code X-N8N-API-KEY} or
 * {@code Authorization: Bearer}, has {@link AuthenticateUseCase} check it (no token, an unknown or a
 * revoked one: 401), then checks the scope (403). The token is never logged or echoed.
 */
public final class ApiTokenGuard {

    public static final String API_KEY_HEADER = "X-N8N-API-KEY";

    private static final String BEARER = "bearer ";
    private static final String PRINCIPAL = "rekey.principal";

    private final AuthenticateUseCase authenticate;

    public ApiTokenGuard(AuthenticateUseCase authenticate) {
        this.authenticate = authenticate;
    }

    /** The route's handler, run only once the caller has passed the route's access check. */
    public Handler protect(Route route) {
        Access access = route.access();
        Handler handler = route.handler();
        if (!access.tokenRequired()) {
            return handler;
        }
        return ctx -> {
            Principal principal = authenticate(ctx);
            access.scope().ifPresent(scope -> requireScope(principal, scope));
            ctx.attribute(PRINCIPAL, principal);
            handler.handle(ctx);
        };
    }

    /** Who sent the request, for the audit trail: the token the guard let through. */
    public static Actor actor(Context ctx) {
        Principal principal = ctx.attribute(PRINCIPAL);
        if (principal == null) {
            throw new IllegalStateException("actor(ctx) is for routes that require a token");
        }
        return principal.actor();
    }

    private Principal authenticate(Context ctx) {
        String token = token(ctx).orElseThrow(() -> new RekeyException(ApplicationErrorCode.UNAUTHORIZED,
                "an API token is required: send it as " + API_KEY_HEADER + " or Authorization: Bearer"));
        return authenticate.authenticate(token).orElseThrow(() -> new RekeyException(ApplicationErrorCode.UNAUTHORIZED,
                "the API token is not valid or has been revoked"));
    }

    private static void requireScope(Principal principal, Scope scope) {
        if (!principal.may(scope)) {
            throw new RekeyException(ApplicationErrorCode.FORBIDDEN,
                    "this API token lacks the scope '" + scope.wireName() + "' that this route needs");
        }
    }

    static Optional<String> token(Context ctx) {
        String apiKey = ctx.header(API_KEY_HEADER);
        if (apiKey != null && !apiKey.isBlank()) {
            return Optional.of(apiKey.strip());
        }
        String authorization = ctx.header("Authorization");
        if (authorization != null && authorization.length() > BEARER.length()
                && authorization.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)) {
            String bearer = authorization.substring(BEARER.length()).strip();
            return bearer.isEmpty() ? Optional.empty() : Optional.of(bearer);
        }
        return Optional.empty();
    }
}
