package org.rekey.application.port.in.key;

import org.rekey.domain.key.DataKeyId;

/** One key's metadata and how many records use it. */
public interface ShowDataKeyUseCase {
    /** @throws org.rekey.domain.error.RekeyException {@code KEY_NOT_FOUND} */
    DataKeyView showDataKey(DataKeyId id);
}
