package org.rekey.adapter.cli.value;

import java.util.concurrent.Callable;
import org.rekey.adapter.cli.console.CliSession;
import org.rekey.adapter.cli.console.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code rekey values encrypt TEXT}. */
@Command(name = "encrypt",
        header = "Encrypt a text and print only the stored value.",
        description = {
            "Encrypts TEXT under the active data key (in the legacy format while rotation is off) and prints "
                    + "only the value, so V=$(rekey values encrypt TEXT) works."})
final class ValuesEncryptCommand implements Callable<Integer> {

    private final CliSession session;

    @Parameters(paramLabel = "TEXT", description = "The text to encrypt.")
    private String text;

    ValuesEncryptCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        session.printer().value(session.values().encryptValue().encryptValue(text));
        return ExitCodes.OK;
    }
}
