package org.rekey.adapter.cli.key;

import java.util.concurrent.Callable;
import org.rekey.adapter.cli.console.CliSession;
import org.rekey.adapter.cli.console.ExitCodes;
import org.rekey.adapter.cli.console.JsonOption;
import org.rekey.application.port.in.key.ImportDataKeyCommand;
import org.rekey.domain.key.DataKeyId;
import org.rekey.domain.key.KeyAlgorithm;
import org.rekey.domain.key.KeyStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code rekey keys import}: adds a key exported from n8n's {@code deployment_key} table. */
@Command(name = "import",
        header = "Import a data key from n8n's deployment_key table.",
        description = {
            "Imports one row of n8n's deployment_key table. The value stays wrapped: it must have been "
                    + "wrapped under this instance key (the same N8N_ENCRYPTION_KEY as the n8n it comes from).",
            "",
            "Importing an active key makes the current active key inactive."},
        footer = {"", "Example:",
            "  rekey keys import --id Ab12Cd34Ef56Gh78 --value AW1k... --algorithm aes-256-gcm --status inactive"})
final class KeysImportCommand implements Callable<Integer> {

    private final CliSession session;

    @Mixin
    private JsonOption json;

    @Option(names = "--id", required = true, paramLabel = "ID", description = "The key's id.")
    private String id;

    @Option(names = "--value", required = true, paramLabel = "WRAPPED",
            description = "The wrapped key as stored in the row's value column (never the raw key).")
    private String value;

    @Option(names = "--algorithm", required = true, paramLabel = "A",
            description = "aes-256-gcm, or aes-256-cbc for n8n's legacy row.")
    private String algorithm;

    @Option(names = "--status", required = true, paramLabel = "S", description = "active or inactive.")
    private String status;

    KeysImportCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        ImportDataKeyCommand command = new ImportDataKeyCommand(new DataKeyId(id), value,
                KeyAlgorithm.fromWire(algorithm), KeyStatus.fromWire(status));
        KeyOutput.print(session.printer(), session.keys().importDataKey().importDataKey(command), json.enabled());
        return ExitCodes.OK;
    }
}
