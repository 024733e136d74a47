package org.rekey.application.port.out;

import org.rekey.domain.error.ErrorCode;

/** Events inside the services that an operator counts (as metrics); telling it never fails the work. */
public interface RekeyEventsPort {

    /** Tells nobody: for the command line and tests that count nothing. */
    RekeyEventsPort NONE = new RekeyEventsPort() {
        @Override
        public void decryptFailed(ErrorCode code) {
        }

        @Override
        public void rotated() {
        }
    };

    /** A stored value failed to decrypt, for the reason {@code code}. */
    void decryptFailed(ErrorCode code);

    /** This instance made a new data key active. */
    void rotated();
}
