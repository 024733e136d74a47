package org.rekey.adapter.http.settings;

/** The body of {@code /healthz}: {@code ok} or {@code unavailable}. */
public record HealthResponse(String status) {
}
