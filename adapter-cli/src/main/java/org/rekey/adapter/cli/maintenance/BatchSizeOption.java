package org.rekey.adapter.cli.maintenance;

import org.rekey.application.port.in.maintenance.BatchCommand;
import picocli.CommandLine.Option;

/** {@code --batch-size N}: records per committed batch. */
public final class BatchSizeOption {

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "" + BatchCommand.DEFAULT_BATCH_SIZE,
            description = "Records per batch, each committed on its own (1 to " + BatchCommand.MAX_BATCH_SIZE
                    + ", default ${DEFAULT-VALUE}).")
    private int batchSize;

    int value() {
        return batchSize;
    }
}
