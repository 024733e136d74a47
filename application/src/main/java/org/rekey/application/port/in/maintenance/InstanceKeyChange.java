package org.rekey.application.port.in.maintenance;

/**
 * What an instance-key change did.
 *
 * @param keysRewrapped data keys (and the legacy row) wrapped anew under the new instance key
 * @param recordsMoved records moved to the active data key first (legacy ones included), so none
 *     depends on the old instance key
 * @param configFileUpdated whether the new key was written to the config file
 */
public record InstanceKeyChange(int keysRewrapped, long recordsMoved, boolean configFileUpdated,
        String nextStep) {
}
