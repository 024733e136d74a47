package org.rekey.application.port.in.credential;

import org.rekey.domain.record.RecordId;

/** One credential's metadata, and its decrypted data when asked. */
public interface GetCredentialUseCase {
    /** @throws org.rekey.domain.error.RekeyException {@code RECORD_NOT_FOUND}, or a decryption error */
    CredentialView getCredential(RecordId id, boolean includeData);
}
