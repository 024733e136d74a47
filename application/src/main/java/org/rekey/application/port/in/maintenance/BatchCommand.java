package org.rekey.application.port.in.maintenance;

import org.rekey.domain.error.RekeyException;

/** How to run a batch job over every record: batch size (1..10000) and whether to only report. */
public record BatchCommand(int batchSize, boolean dryRun) {

    public static final int DEFAULT_BATCH_SIZE = 500;
    public static final int MAX_BATCH_SIZE = 10_000;

    public BatchCommand {
        if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
            throw RekeyException.invalid("batch size must be 1 to " + MAX_BATCH_SIZE);
        }
    }
}
