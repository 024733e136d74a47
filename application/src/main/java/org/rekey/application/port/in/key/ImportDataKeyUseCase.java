package org.rekey.application.port.in.key;

/** Adds a key exported from n8n; importing an active key demotes the current one. */
public interface ImportDataKeyUseCase {
    /**
     * @throws org.rekey.domain.error.RekeyException {@code DUPLICATE_ID}, {@code WRONG_INSTANCE_KEY} if it
     *     was wrapped under another instance key, {@code ROTATION_DISABLED}
     */
    DataKeyView importDataKey(ImportDataKeyCommand command);
}
