package org.rekey.adapter.cli.credential;

import java.util.concurrent.Callable;
import org.rekey.adapter.cli.console.GroupHelp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code rekey credentials}: the encrypted records. */
@Command(name = "credentials",
        header = "Manage credentials: encrypted JSON secrets.",
        description = {
            "A credential has a name, a type (like n8n's) and data, a JSON object, stored encrypted under "
                    + "the active data key (or in the legacy format while rotation is off)."},
        synopsisSubcommandLabel = "COMMAND")
final class CredentialsCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        return GroupHelp.missingCommand(spec);
    }
}
