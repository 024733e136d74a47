package org.rekey.adapter.http.error;

/** The body of every error answer: a stable code and a message without secrets. */
public record ErrorResponse(String code, String message) {
}
