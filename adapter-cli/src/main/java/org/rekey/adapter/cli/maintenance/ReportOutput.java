package org.rekey.adapter.cli.maintenance;

import java.util.List;
import java.util.function.Function;
import org.rekey.adapter.cli.console.CliSession;
import org.rekey.adapter.cli.console.JsonOption;
import org.rekey.adapter.cli.console.Printer;
import org.rekey.adapter.cli.console.Table;
import org.rekey.application.port.in.maintenance.BatchReport;
import org.rekey.application.port.in.maintenance.ProgressListener;
import org.rekey.application.port.in.maintenance.RecordFailure;
import org.rekey.application.port.in.maintenance.VerifyReport;

/** How job reports look as text: what moved, from which keys, and every failed record. */
final class ReportOutput {

    private ReportOutput() {
    }

    /**
     * Runs a batch job behind a progress bar, then prints its report, as JSON or as text.
     *
     * @param movedTo the report's destination in words, e.g. "to key X" or "to the legacy format"
     */
    static BatchReport runBatch(CliSession session, JsonOption json, String label,
            Function<ProgressListener, BatchReport> job, Function<BatchReport, String> movedTo) {
        BatchReport report = session.runJob(label, job);
        if (json.enabled()) {
            session.printer().json(BatchReportJson.of(report));
        } else {
            batch(session.printer(), report, movedTo.apply(report));
        }
        report.notices().forEach(notice -> session.printer().notice("note: " + notice));
        return report;
    }

    /** @param movedTo e.g. "to key X" or "to the legacy format" */
    static void batch(Printer printer, BatchReport report, String movedTo) {
        long pending = report.pendingByKey().values().stream().mapToLong(Long::longValue).sum();
        if (report.dryRun()) {
            printer.line("dry run: would move " + pending + " records " + movedTo + "; nothing was changed");
        } else {
            printer.line("moved " + report.moved() + " records " + movedTo
                    + (report.skipped() > 0 ? "; " + report.skipped()
                            + " skipped because they were updated meanwhile (already there)" : ""));
        }
        if (!report.pendingByKey().isEmpty()) {
            Table table = Table.withHeader("FROM KEY", "RECORDS");
            KeyCounts.byName(report.pendingByKey()).forEach(table::row);
            printer.table(table);
        }
        failures(printer, report.failures());
    }

    static void failures(Printer printer, List<RecordFailure> failures) {
        if (failures.isEmpty()) {
            return;
        }
        Table table = Table.withHeader("FAILED IN TABLE", "ROW", "FIELD", "CODE", "MESSAGE");
        for (RecordFailure failure : failures) {
            table.row(failure.table(), failure.recordId(), failure.field(), failure.code(), failure.message());
        }
        printer.table(table);
    }

    /** A verify report's counts per key, sorted by key id with "legacy" as any other id. */
    static Table counts(VerifyReport report) {
        String active = report.activeKey().wireName();
        Table table = Table.withHeader("KEY", "RECORDS");
        KeyCounts.byName(report).forEach((key, count) ->
                table.row(key.equals(active) ? key + " (active)" : key, count));
        return table;
    }
}
