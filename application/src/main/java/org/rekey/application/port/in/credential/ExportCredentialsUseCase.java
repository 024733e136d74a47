package org.rekey.application.port.in.credential;

import java.util.function.Consumer;

/** Streams every credential in n8n's export shape, encrypted as stored or decrypted. */
public interface ExportCredentialsUseCase {
    /** @return how many were exported */
    long exportCredentials(boolean decrypted, Consumer<PortableCredential> sink);
}
