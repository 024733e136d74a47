package org.rekey.application.port.out;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rekey.domain.key.KeyRef;

/**
 * Rewrites secrets in place, in batches, for eager re-encryption, downgrade and instance-key changes.
 * Both calls must run inside {@link TransactionPort#inTransaction}.
 */
public interface RewriteSecretsPort {

    /**
     * Claims up to {@code limit} secrets after {@code after} (location order) whose value does not name
     * {@code target}, locking their rows until the transaction ends where the store can; rows another
     * transaction holds are skipped, not waited for (PostgreSQL {@code FOR UPDATE SKIP LOCKED}). Values that
     * do not parse are returned too, so that callers report them.
     */
    List<StoredSecret> claimSecretsNotOn(KeyRef target, Optional<SecretLocation> after, int limit);

    /**
     * Writes each new value only where the store still holds {@code before} (compare-and-set), in as few
     * round trips as the store allows.
     *
     * @return the rewrites that were written; the others found a value changed or deleted meanwhile
     */
    List<SecretRewrite> rewriteSecrets(List<SecretRewrite> rewrites);

    /**
     * What the program that owns the store will notice after these rewrites, in words for the operator (n8n:
     * a user whose MFA secret moved to another key must log in again). Nothing, for a store rekey owns.
     *
     * @param rewritten how many values were rewritten, by {@code table.column}
     */
    default List<String> noticesAfterRewriting(Map<String, Long> rewritten) {
        return List.of();
    }
}
