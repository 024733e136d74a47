package org.rekey.application.service.key;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.rekey.application.audit.Actor;
import org.rekey.application.audit.AuditAction;
import org.rekey.application.port.in.key.DataKeyView;
import org.rekey.application.port.in.key.RotateDataKeyUseCase;
import org.rekey.application.port.out.LoadDataKeysPort;
import org.rekey.application.port.out.RekeyEventsPort;
import org.rekey.application.service.keyring.KeyringCache;
import org.rekey.application.service.keyring.RekeySettings;
import org.rekey.domain.key.DataKey;
import org.rekey.domain.key.KeyType;
import org.rekey.domain.key.Keyring.KeyChange;
import org.rekey.domain.key.Keyring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Rotation: O(1) in the number of records; new writes use the new key at once on this instance. */
public final class RotateDataKeyService implements RotateDataKeyUseCase {

    private static final Logger LOG = LoggerFactory.getLogger(RotateDataKeyService.class);

    private final KeyChanges keyChanges;
    private final RekeySettings settings;
    private final Clock clock;
    private final SecureRandom random;
    private final RekeyEventsPort events;
    private final KeyringCache cache;
    private final LoadDataKeysPort loadDataKeys;

    public RotateDataKeyService(KeyChanges keyChanges, KeyringCache cache, LoadDataKeysPort loadDataKeys,
            RekeySettings settings, Clock clock, SecureRandom random, RekeyEventsPort events) {
        this.keyChanges = keyChanges;
        this.cache = cache;
        this.loadDataKeys = loadDataKeys;
        this.settings = settings;
        this.clock = clock;
        this.random = random;
        this.events = events;
    }

    @Override
    public DataKeyView rotateDataKey(Actor actor) {
        return rotate(actor, keyring -> true).orElseThrow();
    }

    @Override
    public Optional<DataKeyView> rotateDataKeyIfOlderThan(Duration maxAge, Actor actor) {
        Predicate<Keyring> due = keyring -> keyring.activeKey()
                .map(active -> !active.createdAt().plus(maxAge).isAfter(clock.instant()))
                .orElse(true);
        if (!due.test(cache.current().refresh(loadDataKeys.loadDataKeys()))) {
            return Optional.empty(); // the common case, without a backup or a transaction
        }
        return rotate(actor, due);
    }

    private Optional<DataKeyView> rotate(Actor actor, Predicate<Keyring> due) {
        RotationGuard.requireEnabled(settings);
        KeyChange change = keyChanges.apply("keys-rotate", actor, AuditAction.KEY_ROTATE,
                KeyType.DATA_ENCRYPTION.wireName(), keyring -> due.test(keyring)
                        ? keyring.rotate(clock.instant(), random)
                        : new KeyChange(keyring, List.of()));
        Optional<DataKey> created = change.activated();
        created.ifPresent(key -> {
            LOG.info("rotated: data key {} is active now", key.id());
            events.rotated();
        });
        return created.map(key -> DataKeyView.of(key, 0));
    }
}
