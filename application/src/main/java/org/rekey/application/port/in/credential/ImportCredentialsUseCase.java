package org.rekey.application.port.in.credential;

import java.util.List;

/**
 * Imports n8n's exported credentials with their data kept encrypted as it is. All or nothing: an
 * invalid entry imports none and the error names the entry (by position and id).
 */
public interface ImportCredentialsUseCase {
    /** @return how many were imported */
    int importCredentials(List<PortableCredential> credentials);
}
