package org.rekey.application.port.in.maintenance;

/**
 * Replaces the instance key: re-wraps every data key under the new one and moves every legacy record
 * off the old one. Survives being killed midway: a start with either key afterwards works or says
 * exactly what to do.
 */
public interface ChangeInstanceKeyUseCase {
    InstanceKeyChange changeInstanceKey(ChangeInstanceKeyCommand command, ProgressListener listener);
}
