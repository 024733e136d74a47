package org.rekey.adapter.cli.value;

import java.util.concurrent.Callable;
import org.rekey.adapter.cli.console.CliSession;
import org.rekey.adapter.cli.console.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code rekey values decrypt VALUE}. */
@Command(name = "decrypt",
        header = "Decrypt a stored value and print only the plaintext.",
        description = {
            "Decrypts a stored value with whichever key it names and prints exactly the plaintext (a newline "
                    + "is added only on a terminal), so P=$(rekey values decrypt VALUE) is the plaintext."})
final class ValuesDecryptCommand implements Callable<Integer> {

    private final CliSession session;

    @Parameters(paramLabel = "VALUE", description = "The stored value.")
    private String value;

    ValuesDecryptCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        session.printer().value(session.values().decryptValue().decryptValue(value));
        return ExitCodes.OK;
    }
}
