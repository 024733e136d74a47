package org.rekey.application.port.in.maintenance;

import org.rekey.domain.key.InstanceKey;

/**
 * The new instance key (read by the adapter from an environment variable or a file, never an argument).
 *
 * @param othersStopped the operator confirms that every other program writing the store is stopped: required
 *     on a store another program owns (n8n's database), where n8n would keep writing under the old key
 */
public record ChangeInstanceKeyCommand(InstanceKey newKey, int batchSize, boolean othersStopped) {
}
