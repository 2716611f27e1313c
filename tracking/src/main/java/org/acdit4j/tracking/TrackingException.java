package org.acdit4j.tracking;

/**
 * A tracking failure with a one-line message that names the offending key, file or URI and what is allowed.
 * Messages never contain credentials.
 */
public class TrackingException extends RuntimeException {

    public TrackingException(String message) {
        super(message);
    }

    public TrackingException(String message, Throwable cause) {
        super(message, cause);
    }
}
