package org.rekey.application.port.in.credential;

import org.rekey.domain.error.RekeyException;

/**
 * What to export: the data as stored (encrypted) or decrypted; with {@code keepGoing}, a record that does not
 * decrypt is left out and reported instead of stopping the export.
 */
public record ExportCredentialsCommand(boolean decrypted, boolean keepGoing) {

    public ExportCredentialsCommand {
        if (keepGoing && !decrypted) {
            throw RekeyException.invalid("--keep-going applies to a --decrypted export only: an encrypted export"
                    + " does not decrypt anything, so nothing can fail");
        }
    }
}
