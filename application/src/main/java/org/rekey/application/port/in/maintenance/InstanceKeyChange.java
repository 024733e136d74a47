package org.rekey.application.port.in.maintenance;

/**
 * What an instance-key change did.
 *
 * @param keysRewrapped data keys (and the legacy row) wrapped anew under the new instance key
 * @param legacyRecordsConverted legacy-format records moved off the old instance key
 * @param configFileUpdated whether the new key was written to the config file
 */
public record InstanceKeyChange(int keysRewrapped, long legacyRecordsConverted, boolean configFileUpdated,
        String nextStep) {
}
