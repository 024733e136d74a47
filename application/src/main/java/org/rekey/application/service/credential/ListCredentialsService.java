package org.rekey.application.service.credential;

import org.rekey.application.port.in.credential.CredentialPage;
import org.rekey.application.port.in.credential.CredentialView;
import org.rekey.application.port.in.credential.ListCredentialsQuery;
import org.rekey.application.port.in.credential.ListCredentialsUseCase;
import org.rekey.application.port.out.LoadRecordsPort;

/** Lists credential metadata; never decrypts. */
public final class ListCredentialsService implements ListCredentialsUseCase {

    private final LoadRecordsPort loadRecords;

    public ListCredentialsService(LoadRecordsPort loadRecords) {
        this.loadRecords = loadRecords;
    }

    @Override
    public CredentialPage listCredentials(ListCredentialsQuery query) {
        return new CredentialPage(loadRecords.countRecords(),
                loadRecords.listRecords(query.skip(), query.take()).stream().map(CredentialView::metadata).toList());
    }
}
