package org.rekey.application.port.in.credential;

/** Renames a credential and/or replaces its data; either way the data moves to the active key. */
public interface UpdateCredentialUseCase {
    /** @throws org.rekey.domain.error.RekeyException {@code RECORD_NOT_FOUND}, {@code VERSION_CONFLICT} */
    CredentialView updateCredential(UpdateCredentialCommand command);
}
