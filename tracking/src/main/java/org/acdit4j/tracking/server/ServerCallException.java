package org.acdit4j.tracking.server;

import org.acdit4j.tracking.TrackingException;

/**
 * A failed call to the tracking server. {@code retryable} calls (no answer, timeout, HTTP 429 or 5xx) are kept
 * and retried later; the others (HTTP 4xx) are rejected for good.
 */
final class ServerCallException extends TrackingException {

    private final boolean retryable;
    private final int httpStatus;

    ServerCallException(String message, boolean retryable, int httpStatus, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
        this.httpStatus = httpStatus;
    }

    boolean retryable() {
        return retryable;
    }

    /** The HTTP status, or 0 when there was no answer. */
    int httpStatus() {
        return httpStatus;
    }
}
