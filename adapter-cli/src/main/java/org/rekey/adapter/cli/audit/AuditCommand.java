package org.rekey.adapter.cli.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.rekey.adapter.cli.console.CliSession;
import org.rekey.adapter.cli.console.ExitCodes;
import org.rekey.adapter.cli.console.JsonOption;
import org.rekey.adapter.cli.console.Table;
import org.rekey.application.audit.AuditAction;
import org.rekey.application.audit.AuditEntry;
import org.rekey.application.port.in.PageRequest;
import org.rekey.application.port.in.audit.AuditPage;
import org.rekey.application.port.in.audit.AuditQuery;
import org.rekey.domain.error.RekeyException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code rekey audit}: who did what to the keys, when, and how it ended; newest first. */
@Command(name = "audit",
        header = "Show the audit trail: who rotated, destroyed, re-encrypted, restored, when.",
        description = {
            "Shows the audit trail, newest first: every key operation and security event (rotate, import, destroy,"
                    + " re-encryption, downgrade and instance-key change started and finished, restore, API keys"
                    + " created and revoked, refused authentications), with who did it (an API token's id and"
                    + " label, or the OS user and host at the command line), its target and its outcome."
                    + " It never holds a secret."},
        footer = {"", "Examples:", "  rekey audit", "  rekey audit --since 2026-11-01 --action key.rotate",
            "  rekey audit --json --take 1000"})
final class AuditCommand implements Callable<Integer> {

    private final CliSession session;

    @Mixin
    private JsonOption json;

    @Option(names = "--since", paramLabel = "T",
            description = "Only entries at or after T: an ISO 8601 date-time (2026-11-01T08:00:00Z) or a date"
                    + " (2026-11-01, from midnight UTC).")
    private String since;

    @Option(names = "--action", paramLabel = "A",
            description = "Only entries of one action, such as key.rotate, key.destroy, reencrypt.finish,"
                    + " api-key.revoke, auth.refused.")
    private String action;

    @Option(names = "--skip", paramLabel = "N", description = "Leave out the newest N entries.")
    private int skip;

    @Option(names = "--take", paramLabel = "N", defaultValue = "" + PageRequest.DEFAULT_TAKE,
            description = "Show at most N entries (1 to " + PageRequest.MAX_TAKE + "; default ${DEFAULT-VALUE}).")
    private int take;

    AuditCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        AuditQuery query = new AuditQuery(Optional.ofNullable(since).map(AuditCommand::instant),
                Optional.ofNullable(action).map(AuditAction::fromWire), new PageRequest(skip, take));
        AuditPage page = session.audit().listAudit().listAudit(query);
        if (json.enabled()) {
            session.printer().json(AuditJson.of(page));
            return ExitCodes.OK;
        }
        Table table = Table.withHeader("AT", "ACTOR", "ACTION", "TARGET", "OUTCOME", "DETAIL");
        for (AuditEntry entry : page.items()) {
            table.row(entry.at(), entry.actor().kind().wireName() + " " + entry.actor().id()
                    + (entry.actor().label().isEmpty() ? "" : " (" + entry.actor().label() + ")"),
                    entry.action().wireName(), entry.target(), entry.outcome().wireName(), entry.detail());
        }
        session.printer().table(table);
        session.printer().line(page.items().size() + " of " + page.count() + " entries");
        return ExitCodes.OK;
    }

    /** @throws RekeyException {@code INVALID_INPUT} for text that is neither a date-time nor a date */
    static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            // a date, below
        }
        try {
            return LocalDate.parse(text.strip()).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw RekeyException.invalid("--since must be an ISO 8601 date-time like 2026-11-01T08:00:00Z or a date"
                    + " like 2026-11-01");
        }
    }
}
