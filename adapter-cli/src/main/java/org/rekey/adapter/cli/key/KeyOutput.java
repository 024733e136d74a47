package org.rekey.adapter.cli.key;

import java.util.List;
import org.rekey.adapter.cli.console.Printer;
import org.rekey.adapter.cli.console.Table;
import org.rekey.application.port.in.key.DataKeyView;

/** How keys look on stdout: one key as fields, several as a table, or JSON. */
final class KeyOutput {

    private KeyOutput() {
    }

    static void print(Printer printer, DataKeyView key, boolean json) {
        if (json) {
            printer.json(KeyJson.of(key));
            return;
        }
        printer.table(Table.fields()
                .row("id", key.id())
                .row("status", key.status())
                .row("type", key.type())
                .row("algorithm", key.algorithm())
                .row("records", key.recordCount())
                .row("created", key.createdAt())
                .row("updated", key.updatedAt())
                .row("archived", key.archivedAt().map(Object::toString).orElse("-")));
    }

    static Table table(List<DataKeyView> keys) {
        Table table = Table.withHeader("ID", "STATUS", "ALGORITHM", "RECORDS", "CREATED", "ARCHIVED");
        for (DataKeyView key : keys) {
            table.row(key.id(), key.status(), key.algorithm(), key.recordCount(), key.createdAt(),
                    key.archivedAt().map(Object::toString).orElse("-"));
        }
        return table;
    }
}
