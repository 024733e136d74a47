package org.rekey.adapter.http.credential;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.rekey.adapter.http.request.JsonBody;
import org.rekey.adapter.http.request.QueryParams;
import org.rekey.adapter.http.routing.Access;
import org.rekey.adapter.http.routing.Route;
import org.rekey.application.apikey.Scope;
import org.rekey.application.port.in.credential.CreateCredentialCommand;
import org.rekey.application.port.in.credential.CreateCredentialUseCase;
import org.rekey.application.port.in.credential.CredentialView;
import org.rekey.application.port.in.credential.DeleteCredentialUseCase;
import org.rekey.application.port.in.credential.GetCredentialUseCase;
import org.rekey.application.port.in.credential.ListCredentialsQuery;
import org.rekey.application.port.in.credential.ListCredentialsUseCase;
import org.rekey.application.port.in.credential.UpdateCredentialCommand;
import org.rekey.application.port.in.credential.UpdateCredentialUseCase;
import org.rekey.domain.error.ErrorCode;
import org.rekey.domain.error.RekeyException;
import org.rekey.domain.record.RecordId;

/** {@code /rest/credentials}: create, list, read, update and delete credentials. */
public final class CredentialRoutes {

    public static final String CREDENTIALS = "/rest/credentials";
    public static final String CREDENTIAL = CREDENTIALS + "/{id}";

    private final CreateCredentialUseCase create;
    private final ListCredentialsUseCase list;
    private final GetCredentialUseCase get;
    private final UpdateCredentialUseCase update;
    private final DeleteCredentialUseCase delete;
    private final JsonBody body;
    private final ObjectMapper mapper;

    public CredentialRoutes(CreateCredentialUseCase create, ListCredentialsUseCase list, GetCredentialUseCase get,
            UpdateCredentialUseCase update, DeleteCredentialUseCase delete, JsonBody body, ObjectMapper mapper) {
        this.create = create;
        this.list = list;
        this.get = get;
        this.update = update;
        this.delete = delete;
        this.body = body;
        this.mapper = mapper;
    }

    public List<Route> routes() {
        return List.of(
                Route.post(CREDENTIALS, Access.scope(Scope.CREDENTIAL_CREATE), this::create),
                Route.get(CREDENTIALS, Access.scope(Scope.CREDENTIAL_LIST), this::list),
                Route.get(CREDENTIAL, Access.scope(Scope.CREDENTIAL_READ), this::get),
                Route.patch(CREDENTIAL, Access.scope(Scope.CREDENTIAL_UPDATE), this::update),
                Route.delete(CREDENTIAL, Access.scope(Scope.CREDENTIAL_DELETE), this::delete));
    }

    private void create(Context ctx) {
        QueryParams.of(ctx, Set.of());
        CreateCredentialRequest request = body.read(ctx, CreateCredentialRequest.class);
        CredentialView created = create.createCredential(
                new CreateCredentialCommand(request.name(), request.type(), dataJson(request.data())));
        ctx.status(201).header("Location", CREDENTIALS + "/" + created.id())
                .json(CredentialResponse.metadata(created));
    }

    private void list(Context ctx) {
        QueryParams query = QueryParams.of(ctx, Set.of("skip", "take"));
        ListCredentialsQuery listQuery =
                new ListCredentialsQuery(query.count("skip").orElse(0), query.count("take").orElse(null));
        ctx.json(CredentialPageResponse.of(list.listCredentials(listQuery)));
    }

    private void get(Context ctx) {
        boolean includeData = QueryParams.of(ctx, Set.of("includeData")).flag("includeData");
        CredentialView view = get.getCredential(id(ctx), includeData);
        CredentialResponse response = CredentialResponse.metadata(view);
        if (includeData) {
            response = response.withData(parseData(view));
        }
        ctx.json(response);
    }

    private void update(Context ctx) {
        QueryParams.of(ctx, Set.of());
        RecordId id = id(ctx);
        UpdateCredentialRequest request = body.read(ctx, UpdateCredentialRequest.class);
        Optional<String> data = Optional.ofNullable(request.data()).map(this::dataJson);
        CredentialView updated = update.updateCredential(
                new UpdateCredentialCommand(id, Optional.ofNullable(request.name()), data, Optional.empty()));
        ctx.json(CredentialResponse.metadata(updated));
    }

    private void delete(Context ctx) {
        QueryParams.of(ctx, Set.of());
        delete.deleteCredential(id(ctx));
        ctx.status(204);
    }

    private static RecordId id(Context ctx) {
        return new RecordId(ctx.pathParam("id"));
    }

    private String dataJson(ObjectNode data) {
        if (data == null) {
            return null;
        }
        try {
            return mapper.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw RekeyException.invalid("field 'data' could not be serialised as JSON");
        }
    }

    /** The decrypted data as a JSON object; a record whose plaintext is not one is unprocessable, not a crash. */
    private JsonNode parseData(CredentialView view) {
        String plaintext = view.data().orElseThrow(() -> new RekeyException(ErrorCode.DECRYPTION_FAILED,
                "credential " + view.id() + " came back without its data"));
        try {
            JsonNode data = mapper.readTree(plaintext);
            if (data != null && data.isObject()) {
                return data;
            }
        } catch (JsonProcessingException e) {
            // fall through: the parser's message may quote the plaintext, so it is dropped
        }
        throw new RekeyException(ErrorCode.DECRYPTION_FAILED,
                "credential " + view.id() + " decrypted, but its data is not a JSON object");
    }
}
