package org.rekey.application.port.in.apikey;

import java.util.Set;
import org.rekey.application.apikey.ApiKey;
import org.rekey.application.apikey.Scope;
import org.rekey.domain.error.RekeyException;

/** A label and at least one scope. */
public record CreateApiKeyCommand(String label, Set<Scope> scopes) {
    public CreateApiKeyCommand {
        if (label == null || label.isBlank() || label.length() > ApiKey.MAX_LABEL_LENGTH) {
            throw RekeyException.invalid("an API key label is 1 to " + ApiKey.MAX_LABEL_LENGTH + " characters");
        }
        if (scopes == null || scopes.isEmpty()) {
            throw RekeyException.invalid("an API key needs at least one scope (or --owner for all)");
        }
        scopes = Set.copyOf(scopes);
    }
}
