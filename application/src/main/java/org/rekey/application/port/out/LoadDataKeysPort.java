package org.rekey.application.port.out;

import java.util.List;
import org.rekey.domain.key.DataKey;

/** Reads the stored data keys. */
public interface LoadDataKeysPort {

    /** Every stored key, destroyed tombstones included, in no particular order. */
    List<DataKey> loadDataKeys();
}
