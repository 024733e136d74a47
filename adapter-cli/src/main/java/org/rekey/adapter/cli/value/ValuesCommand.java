package org.rekey.adapter.cli.value;

import java.util.concurrent.Callable;
import org.rekey.adapter.cli.console.GroupHelp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code rekey values}: single encrypted values, as n8n stores them. */
@Command(name = "values",
        header = "Encrypt, decrypt or inspect one stored value.",
        description = {
            "A stored value is '<keyId>:<ciphertext>' when a data key made it, or a legacy value (no ':') "
                    + "made directly with the instance key."},
        synopsisSubcommandLabel = "COMMAND")
final class ValuesCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        return GroupHelp.missingCommand(spec);
    }
}
