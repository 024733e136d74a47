package org.rekey.application.service.credential;

import org.rekey.application.port.in.credential.DeleteCredentialUseCase;
import org.rekey.application.port.out.SaveRecordPort;
import org.rekey.domain.record.RecordId;

/** Deletes a credential. */
public final class DeleteCredentialService implements DeleteCredentialUseCase {

    private final SaveRecordPort saveRecord;

    public DeleteCredentialService(SaveRecordPort saveRecord) {
        this.saveRecord = saveRecord;
    }

    @Override
    public void deleteCredential(RecordId id) {
        saveRecord.deleteRecord(id);
    }
}
