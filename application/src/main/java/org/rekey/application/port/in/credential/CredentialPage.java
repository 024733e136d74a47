package org.rekey.application.port.in.credential;

import java.util.List;

/** A page of credentials (metadata only) and the total count. */
public record CredentialPage(long count, List<CredentialView> items) {
    public CredentialPage {
        items = List.copyOf(items);
    }
}
