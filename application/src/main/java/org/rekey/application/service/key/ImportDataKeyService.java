package org.rekey.application.service.key;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.rekey.application.audit.Actor;
import org.rekey.application.audit.AuditAction;
import org.rekey.application.port.in.key.DataKeyView;
import org.rekey.application.port.in.key.ImportDataKeyCommand;
import org.rekey.application.port.in.key.ImportDataKeyUseCase;
import org.rekey.application.port.out.LoadSecretsPort;
import org.rekey.application.service.keyring.RekeySettings;
import org.rekey.domain.key.DataKey;
import org.rekey.domain.key.KeyType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports n8n {@code deployment_key} rows, with their own dates, after proving they unwrap under this instance
 * key; into a store without keys they take the place of seeding.
 */
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
    public DataKeyView importDataKey(ImportDataKeyCommand command, Actor actor) {
        return importDataKeys(List.of(command), actor).get(0);
    }

    @Override
    public List<DataKeyView> importDataKeys(List<ImportDataKeyCommand> rows, Actor actor) {
        RotationGuard.requireEnabled(settings);
        Instant now = clock.instant();
        List<DataKey> imported = rows.stream().map(row -> {
            Instant created = row.createdAt().orElse(now);
            return DataKey.reconstitute(row.id(), KeyType.DATA_ENCRYPTION, row.algorithm(), row.status(),
                    row.wrappedValue(), created, row.updatedAt().orElse(created));
        }).toList();
        String ids = imported.stream().map(key -> key.id().value()).collect(Collectors.joining(","));
        keyChanges.apply("keys-import", actor, AuditAction.KEY_IMPORT, ids,
                keyring -> keyring.importKeys(imported, now));
        imported.forEach(key -> LOG.info("imported data key {} as {}", key.id(), key.status().wireName()));
        return imported.stream().map(key -> DataKeyView.of(key, loadSecrets.countSecretsUsing(key.id()))).toList();
    }
}
