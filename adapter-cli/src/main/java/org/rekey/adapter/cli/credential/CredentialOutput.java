package org.rekey.adapter.cli.credential;

import java.util.List;
import org.rekey.adapter.cli.console.CliSession;
import org.rekey.adapter.cli.console.Table;
import org.rekey.application.port.in.credential.CredentialView;

/** How credentials look on stdout: one as fields (and its data when read), several as a table, or JSON. */
final class CredentialOutput {

    private CredentialOutput() {
    }

    static void print(CliSession session, CredentialView credential, boolean json) {
        if (json) {
            session.printer().json(credential.data()
                    .<Object>map(data -> CredentialDataJson.of(credential, session.json().dataNode(data)))
                    .orElseGet(() -> CredentialJson.of(credential)));
            return;
        }
        session.printer().table(Table.fields()
                .row("id", credential.id())
                .row("name", credential.name())
                .row("type", credential.type())
                .row("key", key(credential))
                .row("created", credential.createdAt())
                .row("updated", credential.updatedAt()));
        credential.data().ifPresent(data -> {
            session.printer().line("data:");
            session.printer().json(session.json().dataNode(data));
        });
    }

    /** The key id, or {@code legacy}, or {@code malformed} (a value no key can read). */
    private static String key(CredentialView credential) {
        return credential.keyId().orElse(credential.valueShape().wireName());
    }

    static Table table(List<CredentialView> credentials) {
        Table table = Table.withHeader("ID", "NAME", "TYPE", "KEY", "CREATED", "UPDATED");
        for (CredentialView credential : credentials) {
            table.row(credential.id(), credential.name(), credential.type(), key(credential),
                    credential.createdAt(), credential.updatedAt());
        }
        return table;
    }
}
