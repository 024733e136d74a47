package org.rekey.application.port.in.key;

import java.time.Instant;
import java.util.Optional;
import org.rekey.domain.error.RekeyException;
import org.rekey.domain.key.KeyType;

/**
 * Which keys to list.
 *
 * @param take null for all
 * @param activatedFrom inclusive lower bound on the activation (creation) time
 * @param activatedTo inclusive upper bound; before {@code activatedFrom} is rejected
 */
public record ListDataKeysQuery(int skip, Integer take, Optional<KeyType> type, KeySort sort,
        Optional<Instant> activatedFrom, Optional<Instant> activatedTo) {

    public static final int MAX_TAKE = 1000;

    public ListDataKeysQuery {
        if (skip < 0) {
            throw RekeyException.invalid("skip must be 0 or more");
        }
        if (take != null && (take < 0 || take > MAX_TAKE)) {
            throw RekeyException.invalid("take must be 0 to " + MAX_TAKE);
        }
        if (activatedFrom.isPresent() && activatedTo.isPresent() && activatedFrom.get().isAfter(activatedTo.get())) {
            throw RekeyException.invalid("activatedFrom must not be after activatedTo");
        }
    }

    public static ListDataKeysQuery all() {
        return new ListDataKeysQuery(0, null, Optional.empty(), KeySort.DEFAULT, Optional.empty(), Optional.empty());
    }
}
