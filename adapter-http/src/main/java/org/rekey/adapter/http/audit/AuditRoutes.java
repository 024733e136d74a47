package org.rekey.adapter.http.audit;

import io.javalin.http.Context;
import java.util.List;
import java.util.Set;
import org.rekey.adapter.http.request.QueryParams;
import org.rekey.adapter.http.routing.Access;
import org.rekey.adapter.http.routing.Route;
import org.rekey.application.apikey.Scope;
import org.rekey.application.audit.AuditAction;
import org.rekey.application.port.in.PageRequest;
import org.rekey.application.port.in.audit.AuditQuery;
import org.rekey.application.port.in.audit.ListAuditUseCase;

/** {@code GET /rest/audit}: the audit trail, newest first, paged with {@code skip} and {@code take}. */
public final class AuditRoutes {

    public static final String AUDIT = "/rest/audit";
    private static final Set<String> PARAMS = Set.of("since", "action", "skip", "take");

    private final ListAuditUseCase listAudit;

    public AuditRoutes(ListAuditUseCase listAudit) {
        this.listAudit = listAudit;
    }

    public List<Route> routes() {
        return List.of(Route.get(AUDIT, Access.scope(Scope.ENCRYPTION_KEY_MANAGE), this::list));
    }

    private void list(Context ctx) {
        QueryParams query = QueryParams.of(ctx, PARAMS);
        AuditQuery audit = new AuditQuery(query.instant("since", false),
                query.text("action").map(AuditAction::fromWire),
                new PageRequest(query.count("skip").orElse(0), query.count("take").orElse(PageRequest.DEFAULT_TAKE)));
        ctx.json(AuditPageResponse.of(listAudit.listAudit(audit)));
    }
}
