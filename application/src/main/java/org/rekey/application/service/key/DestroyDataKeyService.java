package org.rekey.application.service.key;

import java.time.Clock;
import org.rekey.application.audit.Actor;
import org.rekey.application.audit.AuditAction;
import org.rekey.application.port.in.key.DataKeyView;
import org.rekey.application.port.in.key.DestroyDataKeyUseCase;
import org.rekey.application.port.out.LoadSecretsPort;
import org.rekey.domain.error.ErrorCode;
import org.rekey.domain.error.RekeyException;
import org.rekey.domain.key.DataKey;
import org.rekey.domain.key.DataKeyId;
import org.rekey.domain.key.Keyring.KeyChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Destroys an inactive key that no record uses, in the same transaction as the count that proves it. */
public final class DestroyDataKeyService implements DestroyDataKeyUseCase {

    private static final Logger LOG = LoggerFactory.getLogger(DestroyDataKeyService.class);

    private final KeyChanges keyChanges;
    private final LoadSecretsPort loadSecrets;
    private final Clock clock;

    public DestroyDataKeyService(KeyChanges keyChanges, LoadSecretsPort loadSecrets, Clock clock) {
        this.keyChanges = keyChanges;
        this.loadSecrets = loadSecrets;
        this.clock = clock;
    }

    @Override
    public DataKeyView destroyDataKey(DataKeyId id, Actor actor) {
        KeyChange change = keyChanges.apply("keys-destroy", actor, AuditAction.KEY_DESTROY, id.value(), keyring -> {
            KeyChange destroyed = keyring.destroy(id, clock.instant());
            long users = loadSecrets.countSecretsUsing(id);
            if (users > 0) {
                throw new RekeyException(ErrorCode.KEY_IN_USE, "key " + id + " is still used by " + users
                        + " record(s); run `rekey reencrypt` to move them to the active key, then destroy it");
            }
            return destroyed;
        });
        DataKey tombstone = change.changed().get(0);
        LOG.warn("destroyed data key {}: its material is wiped", id);
        return DataKeyView.of(tombstone, 0);
    }
}
