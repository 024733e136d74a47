package org.rekey.adapter.cli.value;

import java.util.concurrent.Callable;
import org.rekey.adapter.cli.console.CliSession;
import org.rekey.adapter.cli.console.ExitCodes;
import org.rekey.adapter.cli.console.JsonOption;
import org.rekey.adapter.cli.console.Table;
import org.rekey.domain.key.ValueInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code rekey values inspect VALUE}: format, key id and key status, without decrypting. */
@Command(name = "inspect",
        header = "Tell a value's format and key without decrypting it.",
        description = {
            "Tells a value's format (legacy, aes-256-gcm or aes-256-cbc), the key it names and that key's "
                    + "status, without decrypting it."})
final class ValuesInspectCommand implements Callable<Integer> {

    private final CliSession session;

    @Mixin
    private JsonOption json;

    @Parameters(paramLabel = "VALUE", description = "The stored value.")
    private String value;

    ValuesInspectCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        ValueInfo info = session.values().inspectValue().inspectValue(value);
        ValueInfoJson view = ValueInfoJson.of(info);
        if (json.enabled()) {
            session.printer().json(view);
        } else {
            session.printer().table(Table.fields()
                    .row("format", view.format())
                    .row("key", view.keyId() == null ? "none (legacy: the instance key)" : view.keyId())
                    .row("key status", view.keyStatus() != null ? view.keyStatus()
                            : view.keyId() == null ? "-" : "unknown: no such key in this keyring"));
        }
        return ExitCodes.OK;
    }
}
