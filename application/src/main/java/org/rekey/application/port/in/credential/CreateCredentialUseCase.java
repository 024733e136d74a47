package org.rekey.application.port.in.credential;

/** Stores a new credential, encrypted under the active key (legacy format while rotation is off). */
public interface CreateCredentialUseCase {
    CredentialView createCredential(CreateCredentialCommand command);
}
