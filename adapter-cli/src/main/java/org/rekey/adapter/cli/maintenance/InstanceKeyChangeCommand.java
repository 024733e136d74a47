package org.rekey.adapter.cli.maintenance;

import java.util.concurrent.Callable;
import org.rekey.adapter.cli.console.CliSession;
import org.rekey.adapter.cli.console.ExitCodes;
import org.rekey.adapter.cli.console.JsonOption;
import org.rekey.adapter.cli.console.Table;
import org.rekey.application.port.in.maintenance.BatchCommand;
import org.rekey.application.port.in.maintenance.ChangeInstanceKeyCommand;
import org.rekey.application.port.in.maintenance.InstanceKeyChange;
import org.rekey.domain.key.InstanceKey;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code rekey instance-key change}: replaces the instance key, re-wrapping every data key. */
@Command(name = "change",
        header = "Replace the instance key (N8N_ENCRYPTION_KEY).",
        description = {
            "Re-wraps every data key (and n8n's legacy row) under the new instance key and re-encrypts every "
                    + "legacy-format record. Safe to interrupt: a start with either key afterwards works or says "
                    + "exactly what to do.",
            "",
            "At the end only the new key works. The config file is updated when the key lives there; "
                    + "otherwise set N8N_ENCRYPTION_KEY to the new key on every instance.",
            "",
            "The new key is read from an environment variable or a file, never from the command line.",
            "",
            "On n8n's database (REKEY_STORE=n8n) stop n8n first and pass --n8n-stopped; a backup of every row it "
                    + "changes (and of n8n's config file, which then holds the old key) is written first."},
        footer = {"", "Examples:",
            "  read -rs NEW_KEY && export NEW_KEY && rekey instance-key change --from-env NEW_KEY",
            "  rekey instance-key change --from-file /run/secrets/new-key"})
final class InstanceKeyChangeCommand implements Callable<Integer> {

    private final CliSession session;

    @Mixin
    private JsonOption json;

    @Mixin
    private BatchSizeOption batchSize;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private NewInstanceKeySource source;

    @Option(names = "--n8n-stopped", description = "With REKEY_STORE=n8n: confirms that every n8n process (main,"
            + " workers, webhook processors) is stopped; n8n would otherwise keep writing under the old key.")
    private boolean n8nStopped;

    InstanceKeyChangeCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        int size = new BatchCommand(batchSize.value(), false).batchSize();
        InstanceKey newKey = source.read(session::environment);
        session.offerNewInstanceKey(newKey);
        InstanceKeyChange change = session.runJob("changing the instance key", progress -> session.maintenance()
                .changeInstanceKey().changeInstanceKey(new ChangeInstanceKeyCommand(newKey, size, n8nStopped), progress,
                        session.actor()));
        if (json.enabled()) {
            session.printer().json(InstanceKeyChangeJson.of(change));
        } else {
            session.printer().table(Table.fields()
                    .row("data keys re-wrapped", change.keysRewrapped())
                    .row("records moved to the active key", change.recordsMoved())
                    .row("config file updated", change.configFileUpdated() ? "yes" : "no")
                    .row("next step", change.nextStep()));
        }
        return ExitCodes.OK;
    }
}
