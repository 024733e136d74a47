package org.rekey.adapter.cli.key;

import java.util.Optional;
import java.util.concurrent.Callable;
import org.rekey.adapter.cli.console.CliSession;
import org.rekey.adapter.cli.console.ExitCodes;
import org.rekey.adapter.cli.console.JsonOption;
import org.rekey.application.port.in.key.DataKeyPage;
import org.rekey.application.port.in.key.KeySort;
import org.rekey.application.port.in.key.ListDataKeysQuery;
import org.rekey.domain.error.RekeyException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code rekey keys list}: every data key with its status and record count. */
@Command(name = "list",
        header = "List data keys and how many records use each.",
        description = {
            "Lists data keys: id, status, algorithm, how many records use each key, and when it was created "
                    + "and archived. Also says how many records are still in the legacy format (no key id).",
            "",
            "Shows every key unless --skip or --take is given."},
        footer = {"", "Examples:", "  rekey keys list", "  rekey keys list --sort status:asc --take 10",
            "  rekey keys list --json"})
final class KeysListCommand implements Callable<Integer> {

    private final CliSession session;

    @Mixin
    private JsonOption json;

    @Option(names = "--skip", paramLabel = "N", description = "Leave out the first N keys.")
    private int skip;

    @Option(names = "--take", paramLabel = "N",
            description = "Show at most N keys (0 to " + ListDataKeysQuery.MAX_TAKE + ").")
    private Integer take;

    @Option(names = "--sort", paramLabel = "FIELD:ORDER", defaultValue = "createdAt:desc",
            description = "createdAt, updatedAt or status, then :asc or :desc (default: ${DEFAULT-VALUE}).")
    private String sort;

    KeysListCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        ListDataKeysQuery query = new ListDataKeysQuery(skip, take, Optional.empty(), sortOrder(), Optional.empty(),
                Optional.empty());
        DataKeyPage page = session.keys().listDataKeys().listDataKeys(query);
        if (json.enabled()) {
            session.printer().json(KeyListJson.of(page));
        } else {
            session.printer().table(KeyOutput.table(page.items()));
            session.printer().line("legacy-format records: " + page.legacyRecordCount());
        }
        return ExitCodes.OK;
    }

    private KeySort sortOrder() {
        try {
            return KeySort.parse(sort);
        } catch (RekeyException e) {
            throw RekeyException.invalid("--sort must be createdAt, updatedAt or status, then :asc or :desc"
                    + " (for example createdAt:desc)");
        }
    }
}
