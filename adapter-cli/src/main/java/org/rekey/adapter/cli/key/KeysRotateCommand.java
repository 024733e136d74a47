package org.rekey.adapter.cli.key;

import java.util.concurrent.Callable;
import org.rekey.adapter.cli.console.CliSession;
import org.rekey.adapter.cli.console.ExitCodes;
import org.rekey.adapter.cli.console.JsonOption;
import org.rekey.application.port.in.key.DataKeyView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code rekey keys rotate}: a new active data key. */
@Command(name = "rotate",
        header = "Make a new data key active.",
        description = {
            "Generates a new data key and makes it the active one; the previous key becomes inactive.",
            "",
            "Nothing is re-encrypted now: existing records stay readable and move to the new key when they "
                    + "are updated, or all at once with 'rekey reencrypt'.",
            "",
            "Needs N8N_ENV_FEAT_ENCRYPTION_KEY_ROTATION=true."})
final class KeysRotateCommand implements Callable<Integer> {

    private final CliSession session;

    @Mixin
    private JsonOption json;

    KeysRotateCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        DataKeyView key = session.keys().rotateDataKey().rotateDataKey(session.actor());
        KeyOutput.print(session.printer(), key, json.enabled());
        session.printer().notice("key " + key.id() + " is now active; older records stay readable and move to it"
                + " when updated, or now with 'rekey reencrypt'");
        return ExitCodes.OK;
    }
}
