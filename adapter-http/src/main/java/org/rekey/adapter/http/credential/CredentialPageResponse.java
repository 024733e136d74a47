package org.rekey.adapter.http.credential;

import java.util.List;
import org.rekey.application.port.in.credential.CredentialPage;

/** A page of credentials, metadata only: {@code {count, items}}. */
public record CredentialPageResponse(long count, List<CredentialResponse> items) {

    public static CredentialPageResponse of(CredentialPage page) {
        return new CredentialPageResponse(page.count(),
                page.items().stream().map(CredentialResponse::metadata).toList());
    }
}
