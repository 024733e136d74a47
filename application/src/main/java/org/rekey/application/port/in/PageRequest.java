package org.rekey.application.port.in;

import org.rekey.domain.error.RekeyException;

/** Which page of a newest-first list to read: skip the first {@code skip}, then take up to {@code take}. */
public record PageRequest(int skip, int take) {

    public static final int DEFAULT_TAKE = 100;
    public static final int MAX_TAKE = 1000;

    public PageRequest {
        if (skip < 0) {
            throw RekeyException.invalid("skip must be 0 or more");
        }
        if (take < 1 || take > MAX_TAKE) {
            throw RekeyException.invalid("take must be 1 to " + MAX_TAKE);
        }
    }

    public static PageRequest first(int take) {
        return new PageRequest(0, take);
    }

    public PageRequest next() {
        return new PageRequest(skip + take, take);
    }
}
