package org.rekey.adapter.cli.maintenance;

import java.util.concurrent.Callable;
import org.rekey.adapter.cli.console.GroupHelp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code rekey instance-key}: the master key that wraps the data keys. */
@Command(name = "instance-key",
        description = "Manage the instance key (N8N_ENCRYPTION_KEY), which wraps every data key.",
        synopsisSubcommandLabel = "COMMAND")
final class InstanceKeyCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        return GroupHelp.missingCommand(spec);
    }
}
