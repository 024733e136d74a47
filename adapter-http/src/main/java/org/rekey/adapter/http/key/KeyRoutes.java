package org.rekey.adapter.http.key;

import io.javalin.http.Context;
import java.util.List;
import java.util.Set;
import org.rekey.adapter.http.auth.ApiTokenGuard;
import org.rekey.adapter.http.request.JsonBody;
import org.rekey.adapter.http.request.QueryParams;
import org.rekey.adapter.http.routing.Access;
import org.rekey.adapter.http.routing.Route;
import org.rekey.application.apikey.Scope;
import org.rekey.application.port.in.key.DataKeyView;
import org.rekey.application.port.in.key.DestroyDataKeyUseCase;
import org.rekey.application.port.in.key.KeySort;
import org.rekey.application.port.in.key.ListDataKeysQuery;
import org.rekey.application.port.in.key.ListDataKeysUseCase;
import org.rekey.application.port.in.key.RotateDataKeyUseCase;
import org.rekey.application.port.in.key.ShowDataKeyUseCase;
import org.rekey.domain.error.RekeyException;
import org.rekey.domain.key.DataKeyId;
import org.rekey.domain.key.KeyType;

/** {@code /rest/encryption/keys}: list, rotate, show and destroy data keys. */
public final class KeyRoutes {

    public static final String KEYS = "/rest/encryption/keys";
    public static final String KEY = KEYS + "/{id}";

    private static final Set<String> LIST_PARAMS =
            Set.of("skip", "take", "type", "sortBy", "activatedFrom", "activatedTo");
    private static final Access MANAGE = Access.scope(Scope.ENCRYPTION_KEY_MANAGE);

    private final ListDataKeysUseCase list;
    private final RotateDataKeyUseCase rotate;
    private final ShowDataKeyUseCase show;
    private final DestroyDataKeyUseCase destroy;
    private final JsonBody body;

    public KeyRoutes(ListDataKeysUseCase list, RotateDataKeyUseCase rotate, ShowDataKeyUseCase show,
            DestroyDataKeyUseCase destroy, JsonBody body) {
        this.list = list;
        this.rotate = rotate;
        this.show = show;
        this.destroy = destroy;
        this.body = body;
    }

    public List<Route> routes() {
        return List.of(
                Route.get(KEYS, MANAGE, this::list),
                Route.post(KEYS, MANAGE, this::rotate),
                Route.get(KEY, MANAGE, this::show),
                Route.delete(KEY, MANAGE, this::destroy));
    }

    private void list(Context ctx) {
        ctx.json(KeyPageResponse.of(list.listDataKeys(listQuery(ctx))));
    }

    private static ListDataKeysQuery listQuery(Context ctx) {
        QueryParams query = QueryParams.of(ctx, LIST_PARAMS);
        return new ListDataKeysQuery(
                query.count("skip").orElse(0),
                query.count("take").orElse(null),
                query.text("type").map(KeyType::fromWire),
                KeySort.parse(query.text("sortBy").orElse(null)),
                query.instant("activatedFrom", false),
                query.instant("activatedTo", true));
    }

    /** Rotates; answers 201 with the new active key and its {@code Location}. */
    private void rotate(Context ctx) {
        QueryParams.of(ctx, Set.of());
        RotateKeyRequest request = body.read(ctx, RotateKeyRequest.class);
        if (request.type() == null) {
            throw RekeyException.invalid("field 'type' is required; the only key type is data_encryption");
        }
        KeyType.fromWire(request.type());
        DataKeyView key = rotate.rotateDataKey(ApiTokenGuard.actor(ctx));
        ctx.status(201).header("Location", KEYS + "/" + key.id()).json(KeyResponse.of(key));
    }

    private void show(Context ctx) {
        QueryParams.of(ctx, Set.of());
        ctx.json(KeyResponse.of(show.showDataKey(id(ctx))));
    }

    private void destroy(Context ctx) {
        QueryParams.of(ctx, Set.of());
        ctx.json(KeyResponse.of(destroy.destroyDataKey(id(ctx), ApiTokenGuard.actor(ctx))));
    }

    private static DataKeyId id(Context ctx) {
        return new DataKeyId(ctx.pathParam("id"));
    }
}
