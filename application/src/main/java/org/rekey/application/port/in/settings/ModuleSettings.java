package org.rekey.application.port.in.settings;

/** The settings n8n's front end reads for the encryption-key manager. */
public record ModuleSettings(boolean rotationEnabled) {
}
