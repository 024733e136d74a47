package org.rekey.adapter.cli.key;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.rekey.adapter.cli.console.CliSession;
import org.rekey.adapter.cli.console.ExitCodes;
import org.rekey.adapter.cli.console.JsonOption;
import org.rekey.application.port.in.key.DataKeyView;
import org.rekey.application.port.in.key.ImportDataKeyCommand;
import org.rekey.domain.key.DataKeyId;
import org.rekey.domain.key.KeyAlgorithm;
import org.rekey.domain.key.KeyStatus;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code rekey keys import}: adds keys exported from n8n's {@code deployment_key} table, with their dates. */
@Command(name = "import",
        header = "Import data keys from n8n's deployment_key table.",
        description = {
            "Imports one row of n8n's deployment_key table, or every row of a dump (--file). Values stay wrapped:"
                    + " they must have been wrapped under this instance key (the same N8N_ENCRYPTION_KEY as the n8n"
                    + " they come from). The rows keep their createdAt and updatedAt.",
            "",
            "Importing an active key makes the current active key inactive. Into a database without keys yet,"
                    + " the import takes the place of the keys rekey would seed: it must then hold n8n's active"
                    + " row (import the whole dump with --file), and no key of rekey's own is made."},
        footer = {"", "Examples:",
            "  rekey keys import --file deployment_key.json",
            "      (a JSON array of rows, e.g. psql -Atc \"SELECT json_agg(k) FROM deployment_key k\")",
            "  rekey keys import --id Ab12Cd34Ef56Gh78 --value AW1k... --algorithm aes-256-gcm --status inactive \\",
            "      --created-at 2024-05-01T10:00:00.000Z --updated-at 2024-06-01T10:00:00.000Z"})
final class KeysImportCommand implements Callable<Integer> {

    /** One row given as options. */
    static final class Row {
        @Option(names = "--id", required = true, paramLabel = "ID", description = "The key's id.")
        String id;

        @Option(names = "--value", required = true, paramLabel = "WRAPPED",
                description = "The wrapped key as stored in the row's value column (never the raw key).")
        String value;

        @Option(names = "--algorithm", required = true, paramLabel = "A",
                description = "aes-256-gcm, or aes-256-cbc for n8n's legacy row.")
        String algorithm;

        @Option(names = "--status", required = true, paramLabel = "S", description = "active or inactive.")
        String status;

        @Option(names = "--created-at", paramLabel = "T",
                description = "The row's createdAt (ISO 8601); default: now.")
        String createdAt;

        @Option(names = "--updated-at", paramLabel = "T",
                description = "The row's updatedAt (ISO 8601); default: the createdAt.")
        String updatedAt;

        ImportDataKeyCommand command() {
            return new ImportDataKeyCommand(new DataKeyId(id), value, KeyAlgorithm.fromWire(algorithm),
                    KeyStatus.fromWire(status), ImportDates.parse(createdAt, "--created-at"),
                    ImportDates.parse(updatedAt, "--updated-at"));
        }
    }

    /** A row as options, or a file of rows. */
    static final class Source {
        @ArgGroup(exclusive = false)
        Row row;

        @Option(names = "--file", paramLabel = "ROWS.json",
                description = "Import every data_encryption row of this JSON array of deployment_key rows at once"
                        + " (other types are skipped).")
        Path file;
    }

    private final CliSession session;

    @Mixin
    private JsonOption json;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Source source;

    KeysImportCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        if (source.row != null) {
            ImportDataKeyCommand command = source.row.command();
            session.deferSeeding();
            KeyOutput.print(session.printer(), session.keys().importDataKey().importDataKey(command, session.actor()),
                    json.enabled());
            return ExitCodes.OK;
        }
        KeyRowsFile.Rows rows = KeyRowsFile.read(source.file, session.json());
        if (rows.skipped() > 0) {
            session.printer().notice("skipped " + rows.skipped() + " rows of other types than data_encryption"
                    + " (n8n's signing keys and instance id): rekey keeps data keys only");
        }
        session.deferSeeding();
        List<DataKeyView> imported = session.keys().importDataKey().importDataKeys(rows.keys(), session.actor());
        if (json.enabled()) {
            session.printer().json(imported.stream().map(KeyJson::of).toList());
        } else {
            session.printer().table(KeyOutput.table(imported));
        }
        return ExitCodes.OK;
    }
}
