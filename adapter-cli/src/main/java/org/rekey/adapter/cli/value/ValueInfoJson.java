package org.rekey.adapter.cli.value;

import org.rekey.domain.key.DataKeyId;
import org.rekey.domain.key.KeyStatus;
import org.rekey.domain.key.ValueInfo;

/** {@code values inspect --json}: keyId null for a legacy value, keyStatus null when the key is unknown. */
record ValueInfoJson(String format, String keyId, String keyStatus) {

    static ValueInfoJson of(ValueInfo info) {
        return new ValueInfoJson(info.format().wireName(), info.keyId().map(DataKeyId::value).orElse(null),
                info.keyStatus().map(KeyStatus::wireName).orElse(null));
    }
}
