package org.rekey.application.port.in.credential;

import org.rekey.domain.record.RecordId;

/** Deletes a credential. */
public interface DeleteCredentialUseCase {
    /** @throws org.rekey.domain.error.RekeyException {@code RECORD_NOT_FOUND} */
    void deleteCredential(RecordId id);
}
