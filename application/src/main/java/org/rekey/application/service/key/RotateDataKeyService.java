package org.rekey.application.service.key;

import java.security.SecureRandom;
import java.time.Clock;
import org.rekey.application.port.in.key.DataKeyView;
import org.rekey.application.port.in.key.RotateDataKeyUseCase;
import org.rekey.application.port.out.RekeyEventsPort;
import org.rekey.application.service.keyring.RekeySettings;
import org.rekey.domain.key.DataKey;
import org.rekey.domain.key.Keyring.KeyChange;
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

    public RotateDataKeyService(KeyChanges keyChanges, RekeySettings settings, Clock clock, SecureRandom random,
            RekeyEventsPort events) {
        this.keyChanges = keyChanges;
        this.settings = settings;
        this.clock = clock;
        this.random = random;
        this.events = events;
    }

    @Override
    public DataKeyView rotateDataKey() {
        RotationGuard.requireEnabled(settings);
        KeyChange change = keyChanges.apply("keys-rotate", keyring -> keyring.rotate(clock.instant(), random));
        DataKey created = change.activated().orElseThrow();
        LOG.info("rotated: data key {} is active now", created.id());
        events.rotated();
        return DataKeyView.of(created, 0);
    }
}
