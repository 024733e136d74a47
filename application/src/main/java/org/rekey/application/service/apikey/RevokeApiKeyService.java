package org.rekey.application.service.apikey;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import org.rekey.application.audit.Actor;
import org.rekey.application.audit.AuditAction;
import org.rekey.application.error.ApplicationErrorCode;
import org.rekey.application.port.in.apikey.RevokeApiKeyUseCase;
import org.rekey.application.port.out.ApiKeyStorePort;
import org.rekey.application.port.out.TransactionPort;
import org.rekey.application.service.audit.AuditTrail;
import org.rekey.domain.error.RekeyException;

/**
 * Revokes an API key: at once on this instance, and on every other within the verified-token cache's time to
 * live (under one second).
 */
public final class RevokeApiKeyService implements RevokeApiKeyUseCase {

    private final ApiKeyStorePort store;
    private final Clock clock;
    private final VerifiedKeyCache cache;
    private final TransactionPort own;
    private final AuditTrail audit;

    /** @param own the transactions of rekey's own database, which holds the API keys and the audit trail */
    public RevokeApiKeyService(ApiKeyStorePort store, Clock clock, VerifiedKeyCache cache, TransactionPort own,
            AuditTrail audit) {
        this.store = store;
        this.own = own;
        this.audit = audit;
        this.clock = clock;
        this.cache = cache;
    }

    @Override
    public void revokeApiKey(String id, Actor actor) {
        audit.failuresOf(actor, AuditAction.API_KEY_REVOKE, String.valueOf(id), () -> own.inTransaction(() -> {
            if (id == null || !store.revokeApiKey(id, clock.instant().truncatedTo(ChronoUnit.MILLIS))) {
                throw new RekeyException(ApplicationErrorCode.API_KEY_NOT_FOUND, "no API key with id " + id);
            }
            audit.succeeded(actor, AuditAction.API_KEY_REVOKE, id, "");
            return null;
        }));
        cache.invalidate(id);
    }
}
