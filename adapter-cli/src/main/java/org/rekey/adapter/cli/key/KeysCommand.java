package org.rekey.adapter.cli.key;

import java.util.concurrent.Callable;
import org.rekey.adapter.cli.console.GroupHelp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code rekey keys}: the data keys that encrypt records. */
@Command(name = "keys",
        header = "Manage data keys: list, show, rotate, import, destroy.",
        description = {
            "Exactly one data key is active: it encrypts new and updated records. Inactive keys still "
                    + "decrypt the records they made. Key material is never shown, only ids and metadata.",
            "",
            "Rotation needs N8N_ENV_FEAT_ENCRYPTION_KEY_ROTATION=true."},
        synopsisSubcommandLabel = "COMMAND")
final class KeysCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        return GroupHelp.missingCommand(spec);
    }
}
