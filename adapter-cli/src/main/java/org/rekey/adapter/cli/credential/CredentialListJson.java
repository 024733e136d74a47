package org.rekey.adapter.cli.credential;

import java.util.List;
import org.rekey.application.port.in.credential.CredentialPage;

/** {@code credentials list --json}: the HTTP API's {@code {count, items}}. */
record CredentialListJson(long count, List<CredentialJson> items) {

    static CredentialListJson of(CredentialPage page) {
        return new CredentialListJson(page.count(), page.items().stream().map(CredentialJson::of).toList());
    }
}
