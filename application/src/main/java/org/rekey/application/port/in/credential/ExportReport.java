package org.rekey.application.port.in.credential;

import java.util.List;
import org.rekey.application.port.in.maintenance.RecordFailure;

/** What an export wrote, and the records it left out because they do not decrypt (with --keep-going). */
public record ExportReport(long exported, List<RecordFailure> failures) {

    public ExportReport {
        failures = List.copyOf(failures);
    }
}
