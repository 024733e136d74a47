package org.rekey.application.service.maintenance;

import org.rekey.application.port.in.maintenance.RecordFailure;
import org.rekey.application.port.out.SecretLocation;
import org.rekey.domain.error.RekeyException;

/** Reports a secret that failed: its location, the error's code and message (never the value). */
final class Failures {

    private Failures() {
    }

    static RecordFailure at(SecretLocation location, RekeyException e) {
        return new RecordFailure(location.table(), location.rowId(), location.field(), e.code().name(),
                e.getMessage());
    }
}
