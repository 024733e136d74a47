package org.rekey.application.service.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.rekey.application.audit.Actor;
import org.rekey.application.audit.AuditAction;
import org.rekey.application.audit.AuditEntry;
import org.rekey.application.audit.AuditOutcome;
import org.rekey.application.port.out.AuditLogPort;
import org.rekey.application.port.out.TransactionPort;
import org.rekey.domain.error.ErrorCode;
import org.rekey.domain.error.RekeyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the audit trail. A change records its success inside its own transaction ({@link #succeeded}), so there
 * is no change without its entry; {@link #failuresOf} records a failed or refused operation after its transaction
 * rolled back. Refused authentications are summed up, at most one entry a minute.
 */
public final class AuditTrail {

    private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);
    static final Duration REFUSALS_WINDOW = Duration.ofMinutes(1);

    private final AuditLogPort log;
    private final TransactionPort own;
    private final Clock clock;
    private final String instance;
    private Instant refusalsSince;
    private long refusals;

    /**
     * @param own the transactions of rekey's own database, which holds the trail
     * @param instance this instance, the target of its refused-authentication entries
     */
    public AuditTrail(AuditLogPort log, TransactionPort own, Clock clock, String instance) {
        this.log = log;
        this.own = own;
        this.clock = clock;
        this.instance = instance;
    }

    /** Records a success; call it inside the transaction of the change it records. */
    public void succeeded(Actor actor, AuditAction action, String target, String detail) {
        record(actor, action, target, AuditOutcome.SUCCEEDED, detail);
    }

    /** Records an entry in the current transaction of rekey's own database, or in one of its own. */
    public void record(Actor actor, AuditAction action, String target, AuditOutcome outcome, String detail) {
        log.appendAudit(new AuditEntry(clock.instant(), actor, action, target, outcome, detail));
    }

    /**
     * Runs {@code operation}; when it throws, records the failure (or refusal) in a transaction of its own and
     * rethrows. A failure to record is logged and does not hide the operation's own failure.
     */
    public <T> T failuresOf(Actor actor, AuditAction action, String target, Supplier<T> operation) {
        try {
            return operation.get();
        } catch (RekeyException e) {
            failed(actor, action, target, outcomeOf(e.code()), e.code().name() + ": " + e.getMessage(), e);
            throw e;
        } catch (RuntimeException e) { // recorded whatever its type, then rethrown unchanged
            failed(actor, action, target, AuditOutcome.FAILED, "internal error", e);
            throw e;
        }
    }

    /** Records an operation that did not succeed, in a transaction of its own. */
    private void failed(Actor actor, AuditAction action, String target, AuditOutcome outcome, String detail,
            RuntimeException cause) {
        try {
            own.inTransaction(() -> {
                record(actor, action, target, outcome, detail);
                return null;
            });
        } catch (RuntimeException e) { // never let the trail hide the operation's own failure
            LOG.error("could not record {} {} in the audit trail", action.wireName(), outcome.wireName(), e);
            cause.addSuppressed(e);
        }
    }

    /**
     * Counts a refused authentication; the first refusal after a quiet minute, and then one a minute while they
     * go on, writes an entry with the number refused since the previous entry.
     */
    public void authenticationRefused() {
        Instant now = clock.instant();
        long count;
        Instant since;
        synchronized (this) {
            refusals++;
            if (refusalsSince != null && now.isBefore(refusalsSince.plus(REFUSALS_WINDOW))) {
                return;
            }
            count = refusals;
            since = refusalsSince;
            refusals = 0;
            refusalsSince = now;
        }
        writeRefusals(now, count, since);
    }

    /** Writes the refusals counted since the last entry, if any: when the instance stops. */
    public void flushRefusals() {
        long count;
        Instant since;
        synchronized (this) {
            count = refusals;
            since = refusalsSince;
            refusals = 0;
        }
        if (count > 0) {
            writeRefusals(clock.instant(), count, since);
        }
    }

    private void writeRefusals(Instant at, long count, Instant since) {
        String detail = count + " refused authentication" + (count == 1 ? "" : "s")
                + (since == null ? "" : " since " + since);
        try {
            own.inTransaction(() -> {
                log.appendAudit(new AuditEntry(at, Actor.apiKey("unknown", "unauthenticated"),
                        AuditAction.AUTH_REFUSED, instance, AuditOutcome.REFUSED, detail));
                return null;
            });
        } catch (RekeyException e) {
            LOG.warn("could not record refused authentications in the audit trail [{}]: {}", e.code(),
                    e.getMessage());
        }
    }

    /** A fault of the system failed; anything else was refused. */
    public static AuditOutcome outcomeOf(ErrorCode code) {
        return code.kind() == ErrorCode.Kind.FAILURE ? AuditOutcome.FAILED : AuditOutcome.REFUSED;
    }
}
