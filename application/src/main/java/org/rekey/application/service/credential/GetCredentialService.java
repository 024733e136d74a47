package org.rekey.application.service.credential;

import org.rekey.application.port.in.credential.CredentialView;
import org.rekey.application.port.in.credential.GetCredentialUseCase;
import org.rekey.application.port.out.LoadRecordsPort;
import org.rekey.application.service.keyring.KeyringCache;
import org.rekey.domain.record.EncryptedRecord;
import org.rekey.domain.record.RecordId;

/**
 * Reads one credential, decrypting its data on request with whichever key the value names. A malformed
 * stored value fails only when its data is asked for, as {@code MALFORMED_STORED_VALUE}.
 */
public final class GetCredentialService implements GetCredentialUseCase {

    private final KeyringCache keyring;
    private final LoadRecordsPort loadRecords;

    public GetCredentialService(KeyringCache keyring, LoadRecordsPort loadRecords) {
        this.keyring = keyring;
        this.loadRecords = loadRecords;
    }

    @Override
    public CredentialView getCredential(RecordId id, boolean includeData) {
        EncryptedRecord record = RecordLookup.require(loadRecords, id);
        CredentialView view = CredentialView.metadata(record);
        return includeData ? view.withData(keyring.decryptData(record)) : view;
    }
}
