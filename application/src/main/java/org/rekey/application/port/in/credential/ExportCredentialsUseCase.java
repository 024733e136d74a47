package org.rekey.application.port.in.credential;

import java.util.function.Consumer;

/** Streams every credential in n8n's export shape, encrypted as stored or decrypted. */
public interface ExportCredentialsUseCase {
    /**
     * @throws org.rekey.domain.error.RekeyException for the first record that does not decrypt, naming it,
     *     unless the command keeps going: then the report lists every such record
     */
    ExportReport exportCredentials(ExportCredentialsCommand command, Consumer<PortableCredential> sink);
}
