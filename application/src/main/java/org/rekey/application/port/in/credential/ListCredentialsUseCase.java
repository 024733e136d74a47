package org.rekey.application.port.in.credential;

/** Lists credentials: metadata and key id, never data. */
public interface ListCredentialsUseCase {
    CredentialPage listCredentials(ListCredentialsQuery query);
}
