package org.rekey.application.port.in.credential;

import org.rekey.domain.error.RekeyException;

/** Paging for the credential list; {@code take} null means all. */
public record ListCredentialsQuery(int skip, Integer take) {

    public static final int MAX_TAKE = 1000;

    public ListCredentialsQuery {
        if (skip < 0) {
            throw RekeyException.invalid("skip must be 0 or more");
        }
        if (take != null && (take < 0 || take > MAX_TAKE)) {
            throw RekeyException.invalid("take must be 0 to " + MAX_TAKE);
        }
    }

    public static ListCredentialsQuery all() {
        return new ListCredentialsQuery(0, null);
    }
}
