package org.rekey.application.port.in.key;

import java.util.List;
import org.rekey.application.audit.Actor;

/**
 * Adds keys exported from n8n; importing an active key demotes the current one. Into a store without keys
 * (a start that deferred seeding for the import), the rows take the place of the seeded ones.
 */
public interface ImportDataKeyUseCase {
    /**
     * @throws org.rekey.domain.error.RekeyException {@code DUPLICATE_ID}, {@code WRONG_INSTANCE_KEY} if it
     *     was wrapped under another instance key, {@code ROTATION_DISABLED}
     */
    DataKeyView importDataKey(ImportDataKeyCommand command, Actor actor);

    /**
     * Imports several rows in one transaction, all or nothing.
     *
     * @throws org.rekey.domain.error.RekeyException as {@link #importDataKey}; {@code NO_ACTIVE_KEY} when the
     *     store has no keys and no row is active
     */
    List<DataKeyView> importDataKeys(List<ImportDataKeyCommand> rows, Actor actor);
}
