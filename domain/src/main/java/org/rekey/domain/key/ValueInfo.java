package org.rekey.domain.key;

import java.util.Optional;

/**
 * What can be told about a stored value without decrypting it.
 *
 * @param keyStatus empty for a legacy value, or when the named key is not in the keyring
 */
public record ValueInfo(ValueFormat format, Optional<DataKeyId> keyId, Optional<KeyStatus> keyStatus) {
}
