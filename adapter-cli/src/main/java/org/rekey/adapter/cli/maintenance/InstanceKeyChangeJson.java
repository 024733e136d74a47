package org.rekey.adapter.cli.maintenance;

import org.rekey.application.port.in.maintenance.InstanceKeyChange;

/** {@code instance-key change --json}: what was re-wrapped and converted, and what to do next. */
record InstanceKeyChangeJson(int keysRewrapped, long recordsMoved, boolean configFileUpdated,
        String nextStep) {

    static InstanceKeyChangeJson of(InstanceKeyChange change) {
        return new InstanceKeyChangeJson(change.keysRewrapped(), change.recordsMoved(),
                change.configFileUpdated(), change.nextStep());
    }
}
