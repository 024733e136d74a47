package org.rekey.application.port.in.maintenance;

import org.rekey.application.audit.Actor;

/**
 * Replaces the instance key: re-wraps every data key under the new one and moves every legacy record
 * off the old one. Survives being killed midway: a start with either key afterwards works or says
 * exactly what to do.
 */
public interface ChangeInstanceKeyUseCase {
    /** @throws org.rekey.domain.error.RekeyException {@code JOB_RUNNING} while another job runs */
    InstanceKeyChange changeInstanceKey(ChangeInstanceKeyCommand command, ProgressListener listener, Actor actor);
}
