package org.rekey.application.port.in.maintenance;

/**
 * Converts every record to the legacy format under the instance key (resumable like re-encryption),
 * after which turning rotation off, or running an older n8n, loses nothing.
 */
public interface DowngradeToLegacyUseCase {
    BatchReport downgradeToLegacy(BatchCommand command, ProgressListener listener);
}
