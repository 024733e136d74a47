package org.rekey.application.service.apikey;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.stream.Collectors;
import org.rekey.application.apikey.ApiKey;
import org.rekey.application.apikey.Scope;
import org.rekey.application.audit.Actor;
import org.rekey.application.audit.AuditAction;
import org.rekey.application.port.in.apikey.ApiKeyView;
import org.rekey.application.port.in.apikey.CreateApiKeyCommand;
import org.rekey.application.port.in.apikey.CreateApiKeyUseCase;
import org.rekey.application.port.in.apikey.CreatedApiKey;
import org.rekey.application.port.out.ApiKeyStorePort;
import org.rekey.application.port.out.TransactionPort;
import org.rekey.application.service.audit.AuditTrail;
import org.rekey.domain.key.RandomIds;

/** Creates an API token, stores its hash, and returns the token this one time. */
public final class CreateApiKeyService implements CreateApiKeyUseCase {

    private final ApiKeyStorePort store;
    private final Clock clock;
    private final SecureRandom random;
    private final TransactionPort own;
    private final AuditTrail audit;

    /** @param own the transactions of rekey's own database, which holds the API keys and the audit trail */
    public CreateApiKeyService(ApiKeyStorePort store, Clock clock, SecureRandom random, TransactionPort own,
            AuditTrail audit) {
        this.store = store;
        this.own = own;
        this.audit = audit;
        this.clock = clock;
        this.random = random;
    }

    @Override
    public CreatedApiKey createApiKey(CreateApiKeyCommand command, Actor actor) {
        String id = RandomIds.next(random);
        String secret = ApiTokens.newSecret(random);
        return audit.failuresOf(actor, AuditAction.API_KEY_CREATE, id, () -> {
            ApiKey key = new ApiKey(id, command.label(), command.scopes(), ApiTokens.hash(secret),
                    clock.instant().truncatedTo(ChronoUnit.MILLIS), Optional.empty());
            own.inTransaction(() -> {
                store.insertApiKey(key);
                audit.succeeded(actor, AuditAction.API_KEY_CREATE, id, "label '" + key.label() + "', scopes "
                        + key.scopes().stream().map(Scope::wireName).sorted().collect(Collectors.joining(",")));
                return null;
            });
            return new CreatedApiKey(ApiKeyView.of(key), ApiTokens.token(id, secret));
        });
    }
}
