package org.rekey.application.service.key;

import java.time.Clock;
import java.time.Instant;
import org.rekey.application.port.in.key.DataKeyView;
import org.rekey.application.port.in.key.ImportDataKeyCommand;
import org.rekey.application.port.in.key.ImportDataKeyUseCase;
import org.rekey.application.port.out.LoadSecretsPort;
import org.rekey.application.service.keyring.RekeySettings;
import org.rekey.domain.key.DataKey;
import org.rekey.domain.key.KeyType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Imports an n8n {@code deployment_key} row after proving it unwraps under this instance key. */
public final class ImportDataKeyService implements ImportDataKeyUseCase {

    private static final Logger LOG = LoggerFactory.getLogger(ImportDataKeyService.class);

    private final KeyChanges keyChanges;
    private final LoadSecretsPort loadSecrets;
    private final RekeySettings settings;
    private final Clock clock;

    public ImportDataKeyService(KeyChanges keyChanges, LoadSecretsPort loadSecrets, RekeySettings settings,
            Clock clock) {
        this.keyChanges = keyChanges;
        this.loadSecrets = loadSecrets;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public DataKeyView importDataKey(ImportDataKeyCommand command) {
        RotationGuard.requireEnabled(settings);
        Instant now = clock.instant();
        DataKey imported = DataKey.reconstitute(command.id(), KeyType.DATA_ENCRYPTION, command.algorithm(),
                command.status(), command.wrappedValue(), now, now);
        keyChanges.apply("keys-import", keyring -> keyring.importKey(imported, now));
        LOG.info("imported data key {} as {}", imported.id(), imported.status().wireName());
        return DataKeyView.of(imported, loadSecrets.countSecretsUsing(imported.id()));
    }
}
