package org.rekey.application.port.in.value;

import org.rekey.domain.key.ValueInfo;

/** Tells a value's format, key id and key status without decrypting it. */
public interface InspectValueUseCase {
    ValueInfo inspectValue(String value);
}
