package org.rekey.adapter.cli.key;

import java.util.concurrent.Callable;
import org.rekey.adapter.cli.console.CliSession;
import org.rekey.adapter.cli.console.ExitCodes;
import org.rekey.adapter.cli.console.JsonOption;
import org.rekey.domain.key.DataKeyId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code rekey keys show ID}: one key's metadata. */
@Command(name = "show", description = "Show one data key: status, algorithm, dates and how many records use it.")
final class KeysShowCommand implements Callable<Integer> {

    private final CliSession session;

    @Mixin
    private JsonOption json;

    @Parameters(paramLabel = "ID", description = "The key id, as 'rekey keys list' shows it.")
    private String id;

    KeysShowCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        DataKeyId keyId = new DataKeyId(id);
        KeyOutput.print(session.printer(), session.keys().showDataKey().showDataKey(keyId), json.enabled());
        return ExitCodes.OK;
    }
}
