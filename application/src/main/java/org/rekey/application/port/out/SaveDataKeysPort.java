package org.rekey.application.port.out;

import java.util.List;
import org.rekey.domain.key.DataKey;

/** Writes data keys. */
public interface SaveDataKeysPort {

    /**
     * Inserts new keys and updates existing ones (by id), strictly in list order, each statement
     * executed before the next, so that demoting the old active key reaches the database before the
     * new active key is inserted.
     *
     * @throws org.rekey.domain.error.RekeyException {@code ROTATION_CONFLICT} when the database's
     *     one-active-key rule rejects the write (another instance rotated at the same moment)
     */
    void saveDataKeys(List<DataKey> changed);
}
