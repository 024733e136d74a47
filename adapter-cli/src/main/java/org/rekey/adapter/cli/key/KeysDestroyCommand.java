package org.rekey.adapter.cli.key;

import java.util.concurrent.Callable;
import org.rekey.adapter.cli.console.CliSession;
import org.rekey.adapter.cli.console.ExitCodes;
import org.rekey.adapter.cli.console.JsonOption;
import org.rekey.application.port.in.key.DataKeyView;
import org.rekey.domain.key.DataKeyId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code rekey keys destroy ID}: wipes an unused inactive key, keeping a tombstone. */
@Command(name = "destroy",
        header = "Destroy an unused inactive data key, keeping a tombstone.",
        description = {
            "Wipes an inactive data key's material for good and keeps its id as a tombstone, so a value that "
                    + "names it fails with 'key ID was destroyed' instead of 'not found'.",
            "",
            "Refused while the key is active or while any record uses it: move the records first with 'rekey "
                    + "reencrypt', and check the count with 'rekey keys show ID'. This cannot be undone."})
final class KeysDestroyCommand implements Callable<Integer> {

    private final CliSession session;

    @Mixin
    private JsonOption json;

    @Parameters(paramLabel = "ID", description = "The id of the inactive key to destroy.")
    private String id;

    KeysDestroyCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        DataKeyView key = session.keys().destroyDataKey().destroyDataKey(new DataKeyId(id), session.actor());
        if (json.enabled()) {
            session.printer().json(KeyJson.of(key));
        } else {
            session.printer().line("destroyed key " + key.id());
        }
        return ExitCodes.OK;
    }
}
