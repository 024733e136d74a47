package org.rekey.application.port.in.maintenance;

import org.rekey.domain.key.InstanceKey;

/** The new instance key (read by the adapter from an environment variable or a file, never an argument). */
public record ChangeInstanceKeyCommand(InstanceKey newKey, int batchSize) {
}
