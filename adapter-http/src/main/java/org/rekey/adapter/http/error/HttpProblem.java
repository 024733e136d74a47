package org.rekey.adapter.http.error;

/**
 * A request the HTTP layer itself rejects (a body of the wrong content type or too large), with
 * the status and code to answer. Domain and application failures are {@code RekeyException}s instead.
 */
public final class HttpProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    public HttpProblem(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public static HttpProblem unsupportedMediaType(String message) {
        return new HttpProblem(415, "UNSUPPORTED_MEDIA_TYPE", message);
    }

    public static HttpProblem payloadTooLarge(long limitBytes) {
        return new HttpProblem(413, "PAYLOAD_TOO_LARGE",
                "the request body is larger than the limit of " + limitBytes + " bytes");
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
