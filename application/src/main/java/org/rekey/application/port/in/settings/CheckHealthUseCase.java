package org.rekey.application.port.in.settings;

/** Whether the database answers and the keyring can encrypt. */
public interface CheckHealthUseCase {
    boolean isHealthy();
}
